import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { loadFramework } from '#framework';
import { insertApplication } from '../support/application-fixture.js';
import { header } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'a long passphrase for the rater address test';
const framework = loadFramework();

describe("staff replace a rater's undelivered address for the applicant: same association only, same checks and limits, on the audit timeline", () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const tokens: Record<string, string> = {};
  let ds: DataSource;
  let appId: string;
  let applicantEmail: string;
  const refs: Record<string, string> = {};

  const replace = (who: string, referenceId: string, body: unknown, app = appId) =>
    call('PUT', `/api/v1/staff/applications/${app}/references/${referenceId}/email`, { token: tokens[who], body });
  const openReferences = async () =>
    ds.query<{ rater_name: string; rater_email: string; status: string }[]>(
      `SELECT rater_name, rater_email, status FROM application_references WHERE application_id = $1 AND revoked_at IS NULL ORDER BY rater_name, created_at`,
      [appId],
    );
  const raterDeliveries = async () => (await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM email_deliveries WHERE recipient_kind = 'rater'`))[0].n;

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    ds = system.ds;
    for (const [name, roles, association] of [
      ['cora', ['coordinator'], 'MI-AIMH'],
      ['ada', ['administrator'], 'MI-AIMH'],
      ['tex', ['coordinator'], 'TAIMH'],
      ['ann', ['applicant'], 'MI-AIMH'],
    ] as const) {
      await seedAccount(ds, {
        email: `${name}@example.org`,
        password: PASSWORD,
        roles: [...roles],
        associationCode: association,
        fullName: `${name[0].toUpperCase()}${name.slice(1)} Example`,
      });
      tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email: `${name}@example.org`, password: PASSWORD } })).body.accessToken as string;
    }
    // Ann's application in reference checks: one rater's email bounced, one still waits.
    appId = await insertApplication(ds, framework, { state: 'reference_checks' });
    await ds.query(`UPDATE applications SET applicant_id = (SELECT person_id FROM accounts WHERE email = 'ann@example.org') WHERE id = $1`, [appId]);
    applicantEmail = 'ann@example.org';
    for (const [name, email, status] of [
      ['Bo Bounced', 'bo@gone.example', 'bounced'],
      ['Wes Waiting', 'wes@rater.example', 'requested'],
    ] as const) {
      const [row] = await ds.query<{ id: string }[]>(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, requested_at, created_at)
         VALUES ($1, 'supervisor_teacher_or_cda_mentor', $2, $3, true, $4, now(), now()) RETURNING id`,
        [appId, name, email, status],
      );
      refs[name] = row.id;
    }
  });

  afterAll(() => system.stop());

  test('another association answers 404, the applicant 403, and nothing changes', async () => {
    const other = await replace('tex', refs['Bo Bounced'], { email: 'bo@fixed.example' });
    expect(other.status).toBe(404);
    expect(other.type).toContain('application/problem+json');
    expect(other.body).toMatchObject({ code: 'application_not_found' });
    const own = await replace('ann', refs['Bo Bounced'], { email: 'bo@fixed.example' });
    expect(own.status).toBe(403);
    expect(own.type).toContain('application/problem+json');
    const unknownReference = await replace('cora', crypto.randomUUID(), { email: 'bo@fixed.example' });
    expect(unknownReference.body).toMatchObject({ status: 404, code: 'reference_not_found' });
    expect(await openReferences()).toEqual([
      { rater_name: 'Bo Bounced', rater_email: 'bo@gone.example', status: 'bounced' },
      { rater_name: 'Wes Waiting', rater_email: 'wes@rater.example', status: 'requested' },
    ]);
  });

  test('bad input is 400 problem+json naming the field; a rater who is the applicant or another rater is 422 in words for staff', async () => {
    for (const [body, field] of [
      [{ email: 'not an address' }, 'email'],
      [{ email: 'bo@fixed.example', raterName: 'Visit http://prize.example now' }, 'raterName'],
      [{ email: 'bo@fixed.example', extra: true }, null],
      [{}, 'email'],
    ] as const) {
      const res = await replace('cora', refs['Bo Bounced'], body);
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'validation_failed' });
      if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const badId = await call('PUT', `/api/v1/staff/applications/not-a-uuid/references/${refs['Bo Bounced']}/email`, {
      token: tokens.cora,
      body: { email: 'bo@fixed.example' },
    });
    expect(badId.body).toMatchObject({ status: 400, code: 'validation_failed' });

    const applicant = await replace('cora', refs['Bo Bounced'], { email: applicantEmail.toUpperCase() });
    expect(applicant.body).toMatchObject({
      status: 422,
      code: 'rater_not_independent',
      detail: "This is the applicant's own email address. A rater must be someone else who knows their work.",
    });
    const taken = await replace('cora', refs['Bo Bounced'], { email: 'Wes@Rater.example' });
    expect(taken.body).toMatchObject({
      status: 422,
      code: 'rater_not_independent',
      detail: 'Another rater of this application already has this email address. Each rater needs their own address.',
    });
    expect(await raterDeliveries()).toBe(0);
  });

  test('a coordinator gives the bounced rater a new address: the new rater is asked, the old link closed, and the timeline names the coordinator', async () => {
    const res = await replace('cora', refs['Bo Bounced'], { email: 'bo@fixed.example' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ referenceId: expect.any(String) });
    expect(await openReferences()).toEqual([
      { rater_name: 'Bo Bounced', rater_email: 'bo@fixed.example', status: 'requested' },
      { rater_name: 'Wes Waiting', rater_email: 'wes@rater.example', status: 'requested' },
    ]);
    const [mail] = await waitFor(
      'the request to the new address',
      () => system.smtp.to('bo@fixed.example'),
      (m) => m.length === 1,
    );
    expect(header(mail, 'X-Template')).toBe('reference_request');
    expect(await ds.query(`SELECT status, replaced_by FROM application_references WHERE id = $1`, [refs['Bo Bounced']])).toEqual([
      { status: 'replaced', replaced_by: res.body.referenceId },
    ]);

    const timeline = await call('GET', `/api/v1/staff/applications/${appId}/timeline`, { token: tokens.ada });
    expect(timeline.body.activities).toEqual([
      {
        kind: 'rater_replaced',
        actor: { id: expect.any(String), name: 'Cora Example' },
        accounts: [],
        reference: { id: refs['Bo Bounced'], raterName: 'Bo Bounced', role: 'supervisor_teacher_or_cda_mentor' },
        occurredAt: expect.any(String),
      },
    ]);
    // A rated or replaced reference has no address to change.
    const again = await replace('ada', refs['Bo Bounced'], { email: 'bo@other.example' });
    expect(again.body).toMatchObject({ status: 409, code: 'reference_not_replaceable' });
  });

  test("staff changes count toward the same limits as the applicant's (429)", async () => {
    const current = async () =>
      (
        await ds.query<{ id: string }[]>(
          `SELECT id FROM application_references WHERE application_id = $1 AND revoked_at IS NULL AND rater_name = 'Bo Bounced'`,
          [appId],
        )
      )[0].id;
    for (const email of ['bo.2@fixed.example', 'bo.3@fixed.example']) expect((await replace('ada', await current(), { email })).status).toBe(200);
    const over = await replace('cora', await current(), { email: 'bo.4@fixed.example' });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: 'too_many_rater_changes', scope: 'reference', limit: 3 });
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
