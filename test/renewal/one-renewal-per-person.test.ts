import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { caller, seedAccount } from '../api/auth-harness.js';
import { insertApplication } from '../support/application-fixture.js';
import { decodedHeader, header, readableBody } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

// Someone endorsed in two categories of one association renews once: one cycle, one email per step
// naming both categories, one reminder stream, one fee; and lapses together, told once.
const DAY = 24 * 3600 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
// The renewal is due in 30 days by the api's (real) clock, so it is not late when submitted.
const dueOn = isoDay(new Date(Date.now() + 30 * DAY));
// The worker's clock: 20 days before the due day, inside the 60-day lead time.
const clock = new ManualClock(new Date(`${isoDay(new Date(Date.parse(dueOn) - 20 * DAY))}T12:00:00Z`));
const system = new TestSystem(clock);
const call = caller(() => system.api!);
const framework = loadFramework();
const PASSWORD = 'correct horse battery staple';
const BOTH = 'Infant Family Specialist and Infant Mental Health Specialist Endorsements';

interface Endorsee {
  email: string;
  personId: string;
  token: string;
  apps: string[];
}

/** An applicant account holding IFS and IMHS endorsements of MI-AIMH, both in `state` and due on `due`. */
async function endorsee(name: string, state: 'endorsed' | 'renewal_due', due: string): Promise<Endorsee> {
  const email = `${name}@family.example`;
  const accountId = await seedAccount(system.ds, { email, password: PASSWORD, roles: ['applicant'], associationCode: 'MI-AIMH', fullName: name });
  const [{ person_id: personId }] = await system.ds.query(`SELECT person_id FROM accounts WHERE id = $1`, [accountId]);
  const apps: string[] = [];
  for (const category of ['IFS', 'IMHS']) {
    const id = await insertApplication(system.ds, framework, { state, category, personId });
    // Endorsed two years ago: not the first cycle, so hours are due.
    await system.ds.query(
      `UPDATE applications SET endorsement_number = $2, endorsed_at = now() - interval '2 years', renewal_due_on = $3, registry_listed = true WHERE id = $1`,
      [id, `MI-${name}-${category}`, due],
    );
    apps.push(id);
  }
  const token = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  return { email, personId, token, apps };
}

const states = async (apps: string[]) =>
  (await system.ds.query<{ state: string }[]>(`SELECT state FROM applications WHERE id = ANY($1::uuid[]) ORDER BY id`, [apps])).map((r) => r.state);
const mails = (who: Endorsee, template: string) => system.smtp.to(who.email).filter((m) => header(m, 'X-Template') === template);

/** Every effect of the endorsements applied and every email of theirs delivered: nothing more is coming. */
async function settled(who: Endorsee): Promise<void> {
  await waitFor(
    'effects applied and emails delivered',
    async () => {
      const [row] = await system.ds.query(
        `SELECT (SELECT count(*) FROM outbox WHERE application_id = ANY($1::uuid[]) AND processed_at IS NULL)::int AS effects,
                (SELECT count(*) FROM email_deliveries WHERE application_id = ANY($1::uuid[]) AND status <> 'sent')::int AS unsent,
                (SELECT count(*) FROM email_deliveries WHERE application_id = ANY($1::uuid[]))::int AS sent`,
        [who.apps],
      );
      return { ...row, arrived: system.smtp.to(who.email).length } as { effects: number; unsent: number; sent: number; arrived: number };
    },
    (r) => r.effects === 0 && r.unsent === 0 && r.arrived === r.sent,
  );
}

beforeAll(async () => {
  await system.start({ api: true, env: { REMINDER_SWEEP_EVERY_MS: 1000, RENEWAL_SWEEP_EVERY_MS: 1000, AUTH_THROTTLE_LIMIT: 1000 } });
});
afterAll(() => system.stop());

describe('one renewal per person and cycle, over HTTP with the worker and SMTP', () => {
  let nia: Endorsee;

  test('the cycle opens once for both endorsements: one email naming both categories', async () => {
    nia = await endorsee('nia', 'endorsed', dueOn);
    await waitFor(
      'both renewals open',
      () => states(nia.apps),
      (s) => s.every((x) => x === 'renewal_due'),
    );
    await settled(nia);
    const open = mails(nia, 'renewal_open');
    expect(open).toHaveLength(1);
    expect(decodedHeader(open[0], 'Subject')).toContain(`Please renew your ${BOTH} by`);
    // One reminder stream: one pending row per offset for the person's cycle, not one per endorsement.
    const reminders = await system.ds.query<{ offset_days: number; n: number }[]>(
      `SELECT offset_days, count(*)::int AS n FROM reminders WHERE kind = 'renewal_reminder' AND status = 'pending' AND application_id = ANY($1::uuid[]) GROUP BY offset_days`,
      [nia.apps],
    );
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => r.n === 1)).toBe(true);
  });

  test('a reminder goes out once, naming both', async () => {
    clock.set(new Date(`${isoDay(new Date(Date.parse(dueOn) - 14 * DAY))}T15:00:00Z`)); // 14 days before, after 09:00 in Detroit
    await waitFor(
      'the 14-day reminder',
      () => mails(nia, 'renewal_reminder'),
      (m) => m.length > 0,
    );
    await settled(nia);
    const reminders = mails(nia, 'renewal_reminder');
    expect(reminders).toHaveLength(1);
    expect(readableBody(reminders[0])).toContain(`it is time to renew your ${BOTH}`);
  });

  test('one submission renews both for one fee, and one email says so', async () => {
    const log = (kind: string, hours: number, dei: boolean) =>
      system.ds.query(
        `INSERT INTO ce_entries (person_id, kind, title, provider, completed_on, hours, dei, status, created_at)
         VALUES ($1, $2, 'Relationship-based practice', 'MI-AIMH', $3, $4, $5, 'approved', now())`,
        [nia.personId, kind, isoDay(new Date(Date.now() - 20 * DAY)), hours, dei],
      );
    await log('training', 15, false);
    await log('training', 1, true);
    await log('rsc', 12, false);

    const mi = framework.association('MI-AIMH');
    const nextDueOn = `${Number(dueOn.slice(0, 4)) + 1}-${mi.renewal.dueMonthDay}`;
    // A category endorsed this year, first due next time: it joins the next cycle, not this renewal.
    const added = await insertApplication(system.ds, framework, { state: 'endorsed', category: 'IFA', personId: nia.personId });
    await system.ds.query(`UPDATE applications SET endorsement_number = 'MI-nia-IFA', endorsed_at = now(), renewal_due_on = $2 WHERE id = $1`, [
      added,
      nextDueOn,
    ]);

    const reply = await call('POST', '/api/v1/renewals', { token: nia.token });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      renewals: [
        { associationCode: 'MI-AIMH', dueOn, nextDueOn, fee: { amount: mi.renewal.fee, currency: 'USD', late: false }, applicationIds: [...nia.apps].sort() },
      ],
    });
    expect(await states(nia.apps)).toEqual(['endorsed', 'endorsed']);
    const due = await system.ds.query<{ d: string }[]>(
      `SELECT DISTINCT to_char(renewal_due_on, 'YYYY-MM-DD') AS d FROM applications WHERE id = ANY($1::uuid[])`,
      [nia.apps],
    );
    expect(due).toEqual([{ d: nextDueOn }]);
    // The audit trail charges the fee once: on one endorsement's event, the other naming it.
    const [{ fees }] = await system.ds.query(
      `SELECT count(*) FILTER (WHERE payload ? 'fee')::int AS fees FROM application_events WHERE event = 'renew' AND application_id = ANY($1::uuid[])`,
      [nia.apps],
    );
    expect(fees).toBe(1);

    await settled(nia);
    const renewed = mails(nia, 'renewed');
    expect(renewed).toHaveLength(1);
    expect(decodedHeader(renewed[0], 'Subject')).toBe(`MI-AIMH: Your renewal is complete: ${BOTH}`);
    expect((await call('POST', '/api/v1/renewals', { token: nia.token })).body).toMatchObject({ status: 409, code: 'nothing_to_renew' });
  });

  test('an unrenewed cycle lapses both endorsements together, with one email', async () => {
    // Due on last year's due day and still open: its late window has ended.
    const omar = await endorsee('omar', 'renewal_due', `${Number(dueOn.slice(0, 4)) - 2}-12-31`);
    await waitFor(
      'both lapse',
      () => states(omar.apps),
      (s) => s.every((x) => x === 'lapsed'),
    );
    await settled(omar);
    const lapsed = mails(omar, 'lapsed');
    expect(lapsed).toHaveLength(1);
    expect(decodedHeader(lapsed[0], 'Subject')).toBe(`MI-AIMH: How to reinstate your lapsed ${BOTH}`);
    expect(system.smtp.to(omar.email)).toHaveLength(1);
  });
});
