import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TransitionApplication } from '#endorsement';
import { loadFramework, type Portfolio } from '#framework';
import { eligiblePortfolio } from '../support/portfolio-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const ADA = 'ada@example.org';

describe('independent raters: not the applicant, not twice; rater names are names; limits on changing rater addresses', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;
  let ada: string;
  let appId: string;
  const snapshot = loadFramework().rulesSnapshot('MI-AIMH', 'IFA');
  const raters = [
    { name: 'Rosa Supervisor', email: 'rosa@rater.example', waived: true },
    { name: 'Vera Vetted', email: 'vera@rater.example', waived: false },
    { name: 'Colin Colleague', email: 'colin@rater.example', waived: false },
  ];
  const portfolio = eligiblePortfolio(snapshot, raters);
  const withRaterEmails = (...emails: string[]): Portfolio['references'] => portfolio.references.map((r, i) => ({ ...r, raterEmail: emails[i] }));

  const count = async (sql: string, params: unknown[] = []) => (await ds.query<{ n: number }[]>(sql, params))[0].n;
  const deliveries = () => count(`SELECT count(*)::int AS n FROM email_deliveries`);
  const raterDeliveries = () => count(`SELECT count(*)::int AS n FROM email_deliveries WHERE recipient_kind = 'rater'`);
  const openReferences = async () =>
    await ds.query<
      {
        id: string;
        rater_name: string;
        rater_email: string;
        status: string;
      }[]
    >(`SELECT id, rater_name, rater_email, status FROM application_references WHERE application_id = $1 AND revoked_at IS NULL ORDER BY rater_name`, [appId]);
  const changeAddress = (referenceId: string, body: Record<string, unknown>) =>
    call('PUT', `/api/v1/applications/${appId}/references/${referenceId}/email`, { token: ada, body });

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    ds = system.ds;
    await seedAccount(ds, { email: ADA, password: PASSWORD, roles: ['applicant'], associationCode: 'MI-AIMH', fullName: 'Ada Applicant' });
    ada = (await call('POST', '/api/v1/auth/login', { body: { email: ADA, password: PASSWORD } })).body.accessToken as string;
    appId = (await call('POST', '/api/v1/applications', { token: ada, body: { associationCode: 'MI-AIMH', categoryCode: 'IFA' } })).body.id as string;
    for (const section of ['education', 'work', 'trainings', 'rsc', 'agreements', 'membership'] as const) {
      expect((await call('PUT', `/api/v1/applications/${appId}/portfolio/${section}`, { token: ada, body: { [section]: portfolio[section] } })).status).toBe(
        200,
      );
    }
  });

  afterAll(() => system.stop());

  test("a rater with the applicant's own address, or with another rater's, is a gap in plain words; submitting is refused until it is fixed", async () => {
    const edited = await call('PUT', `/api/v1/applications/${appId}/portfolio/references`, {
      token: ada,
      body: { references: withRaterEmails('Rosa@Rater.example', 'ADA+rater@Example.org', 'rosa@rater.example') },
    });
    expect(edited.status).toBe(200);
    const gaps = [
      {
        code: 'reference_own_address',
        message: 'Rater 2, Vera Vetted, has your own email address: ask someone else who knows your work.',
        details: { rater: 2 },
      },
      {
        code: 'reference_duplicate_address',
        message: 'Rater 3, Colin Colleague, has the same email address as rater 1: each rater needs their own address, so correct it or ask someone else.',
        details: { rater: 3, sameAs: 1 },
      },
    ];
    expect(edited.body.eligibilityGaps).toEqual(gaps);
    expect((await call('GET', `/api/v1/applications/${appId}`, { token: ada })).body.eligibilityGaps).toEqual(gaps);

    const refused = await call('POST', `/api/v1/applications/${appId}/submit`, { token: ada });
    expect(refused.body).toMatchObject({ status: 422, code: 'not_eligible', eligibilityGaps: gaps });
    expect(refused.body.detail).toBe(`${gaps[0].message} ${gaps[1].message}`);
    expect(await ds.query(`SELECT state FROM applications WHERE id = $1`, [appId])).toEqual([{ state: 'draft' }]);
    expect(await deliveries()).toBe(0);

    const fixed = await call('PUT', `/api/v1/applications/${appId}/portfolio/references`, { token: ada, body: { references: portfolio.references } });
    expect(fixed.body.eligibilityGaps).toEqual([]);
    expect((await call('POST', `/api/v1/applications/${appId}/submit`, { token: ada })).body).toMatchObject({ state: 'submitted' });
  });

  test("a rater's name that is not a person's name (a link, an address, digits) is refused with 400, and nothing is stored", async () => {
    const other = (await call('POST', '/api/v1/applications', { token: ada, body: { associationCode: 'MI-AIMH', categoryCode: 'IFS' } })).body.id as string;
    for (const raterName of ['Dear Winner! Claim your prize at http://prize.example', 'www.prize.example', 'winner@prize.example', 'Call 5551234567']) {
      const res = await call('PUT', `/api/v1/applications/${other}/portfolio/references`, {
        token: ada,
        body: { references: [{ ...portfolio.references[0], raterName }] },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'references.0.raterName', message: expect.stringContaining("must be a person's name") }],
      });
    }
    expect(await ds.query(`SELECT version, portfolio->'references' AS refs FROM applications WHERE id = $1`, [other])).toEqual([{ version: 0, refs: [] }]);
  });

  test("a rater's new address may be neither the applicant's own nor another rater's (422), and the new rater's name must be a name (400); nothing changes", async () => {
    await system.worker.get(TransitionApplication).execute({ applicationId: appId, event: 'begin_reference_checks', actor: { id: null, role: 'system' } });
    await waitFor(
      'the three reference requests',
      () => raterDeliveries(),
      (n) => n === 3,
    );
    const rosa = (await openReferences()).find((r) => r.rater_name === 'Rosa Supervisor');

    const own = await changeAddress(rosa!.id, { email: 'Ada@Example.ORG' });
    expect(own.status).toBe(422);
    expect(own.type).toContain('application/problem+json');
    expect(own.body).toMatchObject({
      code: 'rater_not_independent',
      detail: 'This is your own email address. A rater must be someone else who knows your work: give their address instead.',
    });
    const taken = await changeAddress(rosa!.id, { email: 'COLIN+work@rater.example' });
    expect(taken.body).toMatchObject({
      status: 422,
      code: 'rater_not_independent',
      detail: 'Another of your raters already has this email address. Each rater needs their own address: check it, or ask someone else.',
    });
    const spam = await changeAddress(rosa!.id, { email: 'someone@outside.example', raterName: 'Dear Winner! Claim your prize at http://prize.example' });
    expect(spam.body).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: 'raterName' }] });

    expect((await openReferences()).map((r) => [r.rater_name, r.status])).toEqual([
      ['Colin Colleague', 'requested'],
      ['Rosa Supervisor', 'requested'],
      ['Vera Vetted', 'requested'],
    ]);
    expect(await raterDeliveries()).toBe(3);
    // The same rater again at the address they already had is not someone else's address.
    expect((await changeAddress(rosa!.id, { email: 'rosa@rater.example' })).status).toBe(200);
  });

  test('changes of rater addresses are limited per reference and per applicant in any 24 hours (429, Retry-After, no email); older ones stop counting', async () => {
    // Rosa's reference was changed once above: two more are allowed, the next is refused.
    const change = async (name: string, email: string) => changeAddress((await openReferences()).find((r) => r.rater_name === name)!.id, { email });
    for (const email of ['rosa.2@rater.example', 'rosa.3@rater.example']) expect((await change('Rosa Supervisor', email)).status).toBe(200);
    const before = await raterDeliveries();
    const perReference = await change('Rosa Supervisor', 'rosa.4@rater.example');
    expect(perReference.status).toBe(429);
    expect(perReference.type).toContain('application/problem+json');
    expect(perReference.body).toMatchObject({
      code: 'too_many_rater_changes',
      scope: 'reference',
      limit: 3,
      detail: "This rater's address has been changed 3 times in the last 24 hours, which is the most we allow. You can change it again in about 24 hours.",
    });
    const retryAfter = Number(perReference.headers.get('retry-after'));
    expect(retryAfter).toBe(perReference.body.retryAfter);
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(await raterDeliveries()).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM email_deliveries WHERE recipient_email = 'rosa.4@rater.example'`)).toBe(0);
    expect((await openReferences()).find((r) => r.rater_name === 'Rosa Supervisor')!.rater_email).toBe('rosa.3@rater.example');

    // Five changes of all of Ada's references: two of Vera's make five, Colin's is one too many.
    for (const email of ['vera.2@rater.example', 'vera.3@rater.example']) expect((await change('Vera Vetted', email)).status).toBe(200);
    const perApplicant = await change('Colin Colleague', 'colin.2@rater.example');
    expect(perApplicant.body).toMatchObject({
      status: 429,
      code: 'too_many_rater_changes',
      scope: 'applicant',
      limit: 5,
      detail:
        "You have changed your raters' addresses 5 times in the last 24 hours, which is the most we allow. You can make another change in about 24 hours.",
    });
    expect(perApplicant.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await count(`SELECT count(*)::int AS n FROM email_deliveries WHERE recipient_email = 'colin.2@rater.example'`)).toBe(0);

    // The limits count the changes recorded in the database over the last 24 hours, whichever process made them.
    await ds.query(
      `UPDATE application_references SET revoked_at = revoked_at - interval '24 hours 1 minute' WHERE application_id = $1 AND status = 'replaced'`,
      [appId],
    );
    expect((await change('Colin Colleague', 'colin.2@rater.example')).status).toBe(200);
    expect((await change('Rosa Supervisor', 'rosa.4@rater.example')).status).toBe(200);
    expect(await count(`SELECT count(*)::int AS n FROM email_deliveries WHERE recipient_email IN ('colin.2@rater.example', 'rosa.4@rater.example')`)).toBe(2);
  });

  test('reinstating with raters who are the endorsee, or the same person twice, is refused in plain words and changes nothing', async () => {
    const lapsed = (await call('POST', '/api/v1/applications', { token: ada, body: { associationCode: 'MI-AIMH', categoryCode: 'IECFRS' } })).body.id as string;
    await ds.query(`UPDATE applications SET state = 'lapsed' WHERE id = $1`, [lapsed]);
    const res = await call('POST', `/api/v1/applications/${lapsed}/reinstate`, {
      token: ada,
      body: { references: withRaterEmails('rosa@rater.example', 'ADA@example.org', 'Rosa@rater.example') },
    });
    expect(res.body).toMatchObject({
      status: 422,
      code: 'rater_not_independent',
      eligibilityGaps: [
        expect.objectContaining({ code: 'reference_own_address', details: { rater: 2 } }),
        expect.objectContaining({ code: 'reference_duplicate_address', details: { rater: 3, sameAs: 1 } }),
      ],
    });
    expect(await ds.query(`SELECT state, reinstatement FROM applications WHERE id = $1`, [lapsed])).toEqual([{ state: 'lapsed', reinstatement: false }]);
  });
});
