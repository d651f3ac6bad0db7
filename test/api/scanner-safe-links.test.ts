import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { accountLink, header, raterLink } from '../support/mail-reading.js';
import { startReferenceChecks } from '../support/reference-checks.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';

/**
 * Mail scanners (Microsoft Safe Links and others) fetch every link in a message, with GET or HEAD,
 * before the person opens it. None of those requests may use a link up or change anything: only
 * the person's POST does. Every table is compared, row by row, before and after the scanner's visit.
 */
describe('scanner-safe links: GET and HEAD of emailed links change nothing; the POST still works', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const mailTo = (address: string, template: string) =>
    waitFor(
      `${template} to ${address}`,
      () => system.smtp.to(address).filter((m) => header(m, 'X-Template') === template),
      (m) => m.length > 0,
    ).then((m) => m.at(-1)!);

  /** Every row of every table, in a stable order. */
  async function database(): Promise<Record<string, unknown[]>> {
    const tables = await system.ds.query<{ tablename: string }[]>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const rows: Record<string, unknown[]> = {};
    for (const { tablename } of tables) rows[tablename] = await system.ds.query(`SELECT * FROM "${tablename}" t ORDER BY t::text`);
    return rows;
  }

  /** What a scanner does with a link: GET and HEAD, as sent (a fragment never leaves the client), twice over. */
  async function scan(link: string): Promise<number[]> {
    const url = new URL(link);
    const statuses: number[] = [];
    for (const method of ['GET', 'HEAD', 'GET', 'HEAD'])
      statuses.push((await fetch(system.url(url.pathname + url.search + url.hash), { method, redirect: 'manual' })).status);
    return statuses;
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
  });
  afterAll(() => system.stop());

  test('a rater link: the scanner gets the form page, the reference stays open, and the rater then submits', async () => {
    const appId = await startReferenceChecks(system, [
      { raterName: 'Rosa Supervisor', raterEmail: 'rosa@rater.example', role: 'supervisor_teacher_or_cda_mentor' },
    ]);
    const link = raterLink(await mailTo('rosa@rater.example', 'reference_request'))!;
    await waitFor(
      'the request marked sent',
      () => system.ds.query(`SELECT 1 FROM email_deliveries WHERE status IN ('queued', 'sending')`),
      (r) => r.length === 0,
    );

    const before = await database();
    expect(await scan(link)).toEqual([200, 200, 200, 200]);
    expect(await database()).toEqual(before);

    const items = loadFramework().ratingForm.items;
    const body = new URLSearchParams(Object.fromEntries(items.map((item) => [`item.${item.code}`, '3'])));
    const posted = await fetch(system.url(new URL(link).pathname), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(posted.status).toBe(200);
    expect(await system.ds.query(`SELECT status FROM application_references WHERE application_id = $1`, [appId])).toEqual([{ status: 'rated' }]);
  });

  test('invitation and password-reset links carry their token in the fragment: a scanner never sends it, and the link still works', async () => {
    await seedAccount(system.ds, {
      email: 'admin@mi-aimh.example.org',
      password: PASSWORD,
      roles: ['administrator'],
      associationCode: 'MI-AIMH',
      fullName: 'Mia Admin',
    });
    const admin = (
      (await call('POST', '/api/v1/auth/login', { body: { email: 'admin@mi-aimh.example.org', password: PASSWORD } })).body as { accessToken: string }
    ).accessToken;
    expect(
      (await call('POST', '/api/v1/staff/invitations', { token: admin, body: { email: 'rita@example.org', fullName: 'Rita Reviewer', roles: ['reviewer'] } }))
        .status,
    ).toBe(201);
    expect((await call('POST', '/api/v1/auth/password-reset-requests', { body: { email: 'admin@mi-aimh.example.org' } })).status).toBe(202);
    const invitation = accountLink(await mailTo('rita@example.org', 'staff_invitation'), 'accept-invitation');
    const reset = accountLink(await mailTo('admin@mi-aimh.example.org', 'password_reset'), 'reset-password');
    await waitFor(
      'both marked sent',
      () => system.ds.query(`SELECT 1 FROM email_deliveries WHERE status IN ('queued', 'sending')`),
      (r) => r.length === 0,
    );

    const before = await database();
    for (const { url } of [invitation, reset]) {
      expect(new URL(url).hash).toMatch(/^#token=/);
      await scan(url);
    }
    expect(await database()).toEqual(before);

    expect(
      (await call('POST', '/api/v1/auth/invitations/accept', { body: { token: invitation.token, password: PASSWORD, fullName: 'Rita Reviewer' } })).status,
    ).toBe(200);
    expect((await call('POST', '/api/v1/auth/password-resets', { body: { token: reset.token, password: 'a brand new passphrase, long' } })).status).toBe(204);
  });
});
