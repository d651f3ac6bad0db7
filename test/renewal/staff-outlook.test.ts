import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DateTime } from 'luxon';
import { loadFramework } from '#framework';
import { caller, seedAccount } from '../api/auth-harness.js';
import { insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';

const PASSWORD = 'correct horse battery staple';
const system = new TestSystem();
const call = caller(() => system.api!);
const tokens: Record<string, string> = {};

// The api runs on the system clock: the data is laid out from today in Detroit (MI-AIMH).
const zone = 'America/Detroit';
const today = DateTime.now().setZone(zone).startOf('day');
const day = (n: number) => today.plus({ days: n }).toISODate()!;
const at9 = (n: number) => today.plus({ days: n }).set({ hour: 9 }).toJSDate();

async function endorsement(association: string, state: 'endorsed' | 'renewal_due', dueOn: string): Promise<string> {
  const id = await insertApplication(system.ds, loadFramework(), { state, association });
  await system.ds.query(`UPDATE applications SET endorsed_at = now() - interval '3 years', renewal_due_on = $2 WHERE id = $1`, [id, dueOn]);
  return id;
}

async function tokenFor(email: string, roles: string[], associationCode: string | null): Promise<string> {
  await seedAccount(system.ds, { email, password: PASSWORD, roles, associationCode });
  return (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
}

beforeAll(async () => {
  // The worker's sweeps stay out of the way: nothing here is due by its clock, and they run rarely.
  await system.start({ api: true, env: { REMINDER_SWEEP_EVERY_MS: 86_400_000, RENEWAL_SWEEP_EVERY_MS: 604_800_000, AUTH_THROTTLE_LIMIT: 1000 } });
  // Two Michigan endorsements whose renewal opens in 5 days (due 65 days ahead, 60 days' lead).
  await endorsement('MI-AIMH', 'endorsed', day(65));
  await endorsement('MI-AIMH', 'endorsed', day(65));
  // One already due, with its planned reminders: two pending in the window, one after it, one already sent.
  const due = await endorsement('MI-AIMH', 'renewal_due', day(20));
  for (const [offset, dueAt, status] of [
    [14, at9(6), 'pending'],
    [7, at9(13), 'pending'],
    [1, at9(19), 'pending'],
    [30, at9(-10), 'done'],
  ] as const) {
    await system.ds.query(
      `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, status, created_at) VALUES ('renewal_reminder', $1, $2, $3, $4, $5, now())`,
      [`${due}-${day(20)}`, due, offset, dueAt, status],
    );
  }
  // Another association's endorsement: Michigan staff do not see it.
  await endorsement('TAIMH', 'endorsed', day(65));
  tokens.coordinator = await tokenFor('coordinator@mi.example.org', ['coordinator'], 'MI-AIMH');
  tokens.admin = await tokenFor('admin@alliance.example.org', ['administrator'], null);
  tokens.applicant = await tokenFor('applicant@example.org', ['applicant'], 'MI-AIMH');
}, 60_000);
afterAll(() => system.stop());

const counts = (c: Record<string, number>) => ({
  open_renewal: 0,
  renewal_reminder: 0,
  renewal_late_notice: 0,
  lapse: 0,
  reference_reminder: 0,
  reference_overdue: 0,
  ...c,
});

describe('GET /api/v1/staff/outlook: what goes out in the next days', () => {
  test('a coordinator sees their association, by local day and kind, counts only', async () => {
    const res = await call('GET', '/api/v1/staff/outlook?days=14', { token: tokens.coordinator });
    expect(res.status).toBe(200);
    const body = res.body as unknown as Record<string, unknown>[];
    expect(body).toEqual([
      {
        association: 'MI-AIMH',
        timeZone: zone,
        from: expect.any(String),
        until: day(13),
        days: [
          // Opening at local midnight, and the 60-day reminder at 09:00 the same day.
          { date: day(5), counts: counts({ open_renewal: 2, renewal_reminder: 2 }) },
          { date: day(6), counts: counts({ renewal_reminder: 1 }) },
          { date: day(13), counts: counts({ renewal_reminder: 1 }) },
        ],
        totals: counts({ open_renewal: 2, renewal_reminder: 4 }),
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('@');
  });

  test('the default window is 30 days', async () => {
    const res = await call('GET', '/api/v1/staff/outlook', { token: tokens.coordinator });
    expect(res.status).toBe(200);
    const [mi] = res.body as unknown as { until: string; totals: Record<string, number> }[];
    expect(mi.until).toBe(day(29));
    expect(mi.totals).toEqual(counts({ open_renewal: 2, renewal_reminder: 5 }));
  });

  test('an Alliance administrator sees every association, or the one named', async () => {
    const all = await call('GET', '/api/v1/staff/outlook?days=14', { token: tokens.admin });
    expect(all.status).toBe(200);
    const byCode = new Map((all.body as unknown as { association: string; totals: Record<string, number> }[]).map((o) => [o.association, o.totals]));
    expect([...byCode.keys()].sort()).toEqual([...loadFramework().associations.keys()].sort());
    expect(byCode.get('TAIMH')).toEqual(counts({ open_renewal: 1, renewal_reminder: 1 }));
    const one = await call('GET', '/api/v1/staff/outlook?days=14&association=TAIMH', { token: tokens.admin });
    expect((one.body as unknown as { association: string }[]).map((o) => o.association)).toEqual(['TAIMH']);
    const unknown = await call('GET', '/api/v1/staff/outlook?association=NOPE', { token: tokens.admin });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'association_not_found']);
  });

  test('staff cannot look at another association; applicants and strangers cannot look at all', async () => {
    const other = await call('GET', '/api/v1/staff/outlook?association=TAIMH', { token: tokens.coordinator });
    expect([other.status, other.body.code]).toEqual([403, 'forbidden']);
    expect((await call('GET', '/api/v1/staff/outlook', { token: tokens.applicant })).status).toBe(403);
    expect((await call('GET', '/api/v1/staff/outlook')).status).toBe(401);
  });

  test.each(['days=0', 'days=367', 'days=abc', 'days=1.5', 'days=7&extra=1', `association=${'X'.repeat(33)}`])('bad input is a 400: %s', async (query) => {
    const res = await call('GET', `/api/v1/staff/outlook?${query}`, { token: tokens.coordinator });
    expect([res.status, res.body.code]).toEqual([400, 'validation_failed']);
  });
});
