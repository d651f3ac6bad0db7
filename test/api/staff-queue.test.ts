import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { StaffQueuePage as QueuePage } from '#endorsement';
import { loadFramework } from '#framework';
import type { ApplicationState } from '#workflow';
import { insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { caller, claimsOf, seedAccount, signJwt, tamper } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const framework = loadFramework();

describe('staff queues: counts, filters, keyset pages, who may look', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const tokens: Record<string, string> = {};
  const accountIds: Record<string, string> = {};
  const mi: string[] = [];
  let failing: string;

  async function staff(name: string, roles: string[], associationCode: string | null) {
    const email = `${name}@example.org`;
    accountIds[name] = await seedAccount(system.ds, { email, password: PASSWORD, roles, associationCode, fullName: `${name} Staff` });
    const login = await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    tokens[name] = login.body.accessToken as string;
  }

  /** An application that has waited `daysAgo` days in `state` (setup, not a transition). */
  async function waiting(state: ApplicationState, daysAgo: number, opts: { association?: string; category?: string } = {}): Promise<string> {
    const id = await insertApplication(system.ds, framework, { state, ...opts });
    await system.ds.query(`UPDATE applications SET state_changed_at = now() - make_interval(days => $2) WHERE id = $1`, [id, daysAgo]);
    return id;
  }

  const list = async (token: string, query: string) => call('GET', `/api/v1/staff/applications?${query}`, { token });
  const page = async (token: string, query: string) => {
    const res = await list(token, query);
    expect(res.status).toBe(200);
    return res.body as unknown as QueuePage;
  };

  /** Every row of a listing, page by page, checking no page repeats a row. */
  async function walk(token: string, query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: QueuePage = await page(token, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    return seen;
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    await staff('coord', ['coordinator'], 'MI-AIMH');
    await staff('tx', ['coordinator'], 'TAIMH');
    await staff('alliance', ['administrator'], null);
    await staff('reviewer', ['reviewer'], 'MI-AIMH');
    await staff('examiner', ['exam_reviewer'], 'MI-AIMH');
    const reg = await call('POST', '/api/v1/auth/register', {
      body: { email: 'ada@example.org', password: PASSWORD, fullName: 'Ada Applicant', associationCode: 'MI-AIMH' },
    });
    expect(reg.status).toBe(202);
    tokens.applicant = (await call('POST', '/api/v1/auth/login', { body: { email: 'ada@example.org', password: PASSWORD } })).body.accessToken as string;

    // MI-AIMH: 12 submitted (waiting 1..12 days), 5 in reference checks, 3 IFS in panel review; TAIMH: 4 submitted.
    for (let d = 1; d <= 12; d++) mi.push(await waiting('submitted', d));
    for (let d = 1; d <= 5; d++) mi.push(await waiting('reference_checks', d * 3));
    for (let d = 1; d <= 3; d++) mi.push(await waiting('panel_review', d, { category: 'IFS' }));
    for (let d = 1; d <= 4; d++) await waiting('submitted', d, { association: 'TAIMH' });
    // Two applications that wait equally long: the id breaks the tie, so pages never split them wrongly.
    const [a, b] = [await waiting('submitted', 30), await waiting('submitted', 30)];
    await system.ds.query(`UPDATE applications SET state_changed_at = (SELECT state_changed_at FROM applications WHERE id = $1) WHERE id = $2`, [a, b]);
    mi.push(a, b);
    failing = mi[3];
    await system.ds.query(
      `INSERT INTO email_deliveries (business_key, application_id, template, recipient_kind, recipient_email, recipient_name, status, smtp_response, created_at, updated_at)
       VALUES ('test-failed-1', $1, 'application_received', 'applicant', 'x@blocked.example', 'X', 'failed', '550 5.7.1 rejected by policy', now(), now())`,
      [failing],
    );
  });
  afterAll(async () => system.stop());

  test("counts per state for the caller's association, every state listed", async () => {
    const res = await call('GET', '/api/v1/staff/queues', { token: tokens.coord });
    expect(res.status).toBe(200);
    const counts = Object.fromEntries((res.body.queues as { state: string; count: number }[]).map((q) => [q.state, q.count]));
    expect(res.body.association).toBe('MI-AIMH');
    expect(counts).toMatchObject({ submitted: 14, reference_checks: 5, panel_review: 3, exam: 0, endorsed: 0 });
    expect(Object.keys(counts)).toHaveLength(12);
  });

  test('an Alliance administrator counts every association, or the one named', async () => {
    const all = await call('GET', '/api/v1/staff/queues', { token: tokens.alliance });
    expect(all.body.association).toBeNull();
    expect((all.body.queues as { state: string; count: number }[]).find((q) => q.state === 'submitted')!.count).toBe(18);
    const tx = await call('GET', '/api/v1/staff/queues?association=TAIMH', { token: tokens.alliance });
    expect((tx.body.queues as { state: string; count: number }[]).find((q) => q.state === 'submitted')!.count).toBe(4);
  });

  test('the listing: oldest wait first, one association, each row as staff need it', async () => {
    const p = await page(tokens.coord, 'state=submitted&limit=100');
    expect(p.items).toHaveLength(14);
    expect(p.nextCursor).toBeNull();
    const waits = p.items.map((i) => i.waitingSince);
    expect(waits).toEqual([...waits].sort());
    expect(new Set(p.items.map((i) => i.associationCode))).toEqual(new Set(['MI-AIMH']));
    expect(p.items[0]).toEqual({
      id: expect.any(String),
      applicantName: 'Test Applicant',
      associationCode: 'MI-AIMH',
      categoryCode: 'IFA',
      categoryName: framework.displayName('MI-AIMH', 'IFA'),
      state: 'submitted',
      version: 0,
      waitingSince: expect.any(String),
      assignee: null,
      failedEmail: false,
    });
    expect(p.items.find((i) => i.id === failing)!.failedEmail).toBe(true);
  });

  test('filters: category, waiting days, failed email, assignee', async () => {
    expect((await page(tokens.coord, 'category=IFS')).items.map((i) => i.state)).toEqual(['panel_review', 'panel_review', 'panel_review']);
    const old = await page(tokens.coord, 'state=reference_checks&waitingDaysMin=10');
    expect(old.items).toHaveLength(2); // waiting 12 and 15 days
    expect((await page(tokens.coord, 'failedEmail=true')).items.map((i) => i.id)).toEqual([failing]);

    await system.ds.query(`UPDATE applications SET assignee_id = $2, claimed_at = now() WHERE id = $1`, [mi[0], accountIds.coord]);
    const mine = await page(tokens.coord, 'assignee=me');
    expect(mine.items.map((i) => i.id)).toEqual([mi[0]]);
    expect(mine.items[0].assignee).toEqual({ id: accountIds.coord, name: 'coord Staff' });
    expect((await page(tokens.coord, `assignee=${accountIds.coord}`)).items.map((i) => i.id)).toEqual([mi[0]]);
    const unassigned = await walk(tokens.coord, 'assignee=none', 50);
    expect(unassigned).toHaveLength(mi.length - 1);
    expect(unassigned).not.toContain(mi[0]);
  });

  test('keyset pages: every row exactly once, in order, whatever the page size', async () => {
    const rows = await system.ds.query<{ id: string }[]>(`SELECT id FROM applications WHERE association_code = 'MI-AIMH' ORDER BY state_changed_at, id`);
    for (const limit of [1, 3, 7]) expect(await walk(tokens.coord, 'waitingDaysMin=0', limit)).toEqual(rows.map((r) => r.id));
  });

  test('keyset pages stay stable while applications arrive', async () => {
    const first = await page(tokens.coord, 'state=submitted&limit=5');
    const before = (await page(tokens.coord, 'state=submitted&limit=100')).items.map((i) => i.id);
    // One arrives that waited longer than the page already read (it belongs before the cursor), one newer.
    const older = await waiting('submitted', 100);
    const newer = await waiting('submitted', 0);
    let cursor = first.nextCursor;
    const rest: string[] = [];
    while (cursor) {
      const p = await page(tokens.coord, `state=submitted&limit=5&cursor=${encodeURIComponent(cursor)}`);
      rest.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    }
    const seen = [...first.items.map((i) => i.id), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...before, newer]);
    expect(seen).not.toContain(older);
  });

  test('bad queries are 400 and name the field; forged cursors are refused', async () => {
    const cases: [string, string][] = [
      ['state=nonsense', 'state'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=abc', 'limit'],
      ['assignee=someone', 'assignee'],
      ['waitingDaysMin=-1', 'waitingDaysMin'],
      ['failedEmail=yes', 'failedEmail'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url')}`, 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(["x' OR 1=1 --", 'y'])).toString('base64url')}`, 'cursor'],
      ['state=submitted&state=exam', 'state'],
      ['sort=name', 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await list(tokens.coord, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toMatchObject({ code: 'validation_failed', errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    }
  });

  test('staff see their own association only', async () => {
    const tx = await walk(tokens.tx, 'state=submitted', 50);
    expect(tx).toHaveLength(4);
    expect(tx.some((id) => mi.includes(id))).toBe(false);
    const refused = await list(tokens.coord, 'association=TAIMH');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
    expect((await call('GET', '/api/v1/staff/queues?association=TAIMH', { token: tokens.coord })).status).toBe(403);
    expect((await walk(tokens.alliance, 'association=TAIMH&state=submitted', 3)).sort()).toEqual([...tx].sort());
  });

  test('applicants, reviewers and exam reviewers do not get the queue (403)', async () => {
    for (const who of ['applicant', 'reviewer', 'examiner']) {
      for (const path of ['/api/v1/staff/queues', '/api/v1/staff/applications']) {
        const res = await call('GET', path, { token: tokens[who] });
        expect({ who, path, status: res.status, code: res.body.code }).toEqual({ who, path, status: 403, code: 'forbidden' });
      }
    }
  });

  test('no token, a tampered one or an expired one: 401', async () => {
    expect((await call('GET', '/api/v1/staff/applications')).status).toBe(401);
    const tampered = await call('GET', '/api/v1/staff/applications', { token: tamper(tokens.coord) });
    expect(tampered).toMatchObject({ status: 401, body: { code: 'invalid_token' } });
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt({ ...claimsOf(tokens.coord), iat: now - 1000, exp: now - 10 }, system.config.auth.jwtSecret);
    expect(await call('GET', '/api/v1/staff/queues', { token: expired })).toMatchObject({ status: 401, body: { code: 'token_expired' } });
  });
});
