import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { header } from '../support/mail-reading.js';
import { eligiblePortfolio } from '../support/portfolio-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
describe('applicant api: applications, portfolio, submit, timeline, emails, raters, withdraw, reinstate', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;
  let ada: string; // applicant tokens
  let bob: string;
  let coordinator: string;
  let appId: string;
  const raters = [
    { name: 'Rosa Supervisor', email: 'rosa@rater.example', waived: true },
    { name: 'Jane Doe', email: 'jane@rater.example', waived: false },
    { name: 'Colin Colleague', email: 'colin@rater.example', waived: false },
  ];
  const snapshot = loadFramework().rulesSnapshot('MI-AIMH', 'IFA');

  async function tokenFor(email: string, roles: string[]): Promise<string> {
    await seedAccount(ds, { email, password: PASSWORD, roles, associationCode: 'MI-AIMH', fullName: email.split('@')[0] });
    const res = await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    return res.body.accessToken as string;
  }
  const versionOf = async (id: string) => (await ds.query<{ version: number }[]>(`SELECT version FROM applications WHERE id = $1`, [id]))[0].version;
  const ownedBy = async (token: string, state: string, extra = '') => {
    const res = await call('POST', '/api/v1/applications', { token, body: { associationCode: 'MI-AIMH', categoryCode: state === 'draft' ? 'IFS' : 'IECFRS' } });
    await ds.query(`UPDATE applications SET state = $2 ${extra} WHERE id = $1`, [res.body.id, state]);
    return res.body.id as string;
  };

  beforeAll(async () => {
    system.smtp.rejected.add('jane@rater.example');
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    ds = system.ds;
    ada = await tokenFor('ada@example.org', ['applicant']);
    bob = await tokenFor('bob@example.org', ['applicant']);
    coordinator = await tokenFor('coord@example.org', ['coordinator']);
  });

  afterAll(() => system.stop());

  test('starting an application: a draft pinned to the rules; unknown codes and a second one for the same category are refused', async () => {
    const started = await call('POST', '/api/v1/applications', { token: ada, body: { associationCode: 'MI-AIMH', categoryCode: 'IFA' } });
    expect(started.status).toBe(201);
    expect(started.body).toEqual({ id: expect.any(String), state: 'draft', version: 0 });
    appId = started.body.id as string;
    const [row] = await ds.query(`SELECT rules, portfolio FROM applications WHERE id = $1`, [appId]);
    expect(row.rules).toEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(row.portfolio).toEqual({ education: [], work: [], trainings: [], rsc: [], references: [], agreements: {}, membership: null });

    const refused = async (body: Record<string, unknown>) => call('POST', '/api/v1/applications', { token: ada, body });
    expect((await refused({ associationCode: 'NOPE', categoryCode: 'IFA' })).body).toMatchObject({ status: 422, code: 'unknown_association' });
    expect((await refused({ associationCode: 'MI-AIMH', categoryCode: 'XYZ' })).body).toMatchObject({ status: 422, code: 'category_not_offered' });
    expect((await refused({ associationCode: 'MI-AIMH', categoryCode: 'IMHM' })).body).toMatchObject({
      status: 422,
      code: 'category_not_offered',
      detail: expect.stringContaining('track'),
    });
    expect((await refused({ associationCode: 'MI-AIMH', categoryCode: 'IFA' })).body).toMatchObject({ status: 409, code: 'application_exists' });
    const invalid = await refused({ associationCode: 'MI-AIMH', categoryCode: 'IFA', extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'extra', message: 'is not a known field' }] });
    expect(await ds.query(`SELECT count(*)::int AS n FROM applications`)).toEqual([{ n: 1 }]);
  });

  test('applicants see only their own applications; staff may not use applicant routes, nor applicants staff ones', async () => {
    expect((await call('GET', '/api/v1/applications', { token: ada })).body.applications).toEqual([
      expect.objectContaining({
        id: appId,
        categoryCode: 'IFA',
        state: 'draft',
        version: 0,
        displayName: snapshot.displayName,
        nextStep: { step: 'complete_and_submit', description: expect.any(String) },
      }),
    ]);
    expect((await call('GET', '/api/v1/applications', { token: bob })).body.applications).toEqual([]);
    for (const [method, path] of [
      ['GET', `/api/v1/applications/${appId}`],
      ['GET', `/api/v1/applications/${appId}/timeline`],
      ['GET', `/api/v1/applications/${appId}/emails`],
      ['POST', `/api/v1/applications/${appId}/submit`],
      ['POST', `/api/v1/applications/${appId}/withdraw`],
    ]) {
      expect((await call(method, path, { token: bob })).body).toMatchObject({ status: 404, code: 'application_not_found' });
    }
    expect((await call('PUT', `/api/v1/applications/${appId}/portfolio/work`, { token: bob, body: { work: [] } })).status).toBe(404);
    expect((await call('GET', '/api/v1/applications', { token: coordinator })).status).toBe(403);
    expect((await call('GET', '/api/v1/staff/continuing-education', { token: ada })).status).toBe(403);
    expect((await call('GET', '/api/v1/applications/not-a-uuid', { token: ada })).body).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  test('editing the portfolio answers with the gaps that remain; bad sections, stale versions and submitting too early change nothing', async () => {
    const detail = await call('GET', `/api/v1/applications/${appId}`, { token: ada });
    expect(detail.headers.get('etag')).toBe('"0"');
    // References and steps change under the same version: a browser must not answer from its cache.
    expect(detail.headers.get('cache-control')).toBe('no-store');
    expect(detail.body).toMatchObject({ state: 'draft', version: 0, pendingSteps: [{ step: 'complete_and_submit' }] });
    // What the applicant may do, from the workflow table, each with its route and what blocks it now: the page offers these.
    expect(detail.body.allowedEvents).toEqual([
      {
        event: 'submit',
        reasonRequired: false,
        endpoint: 'POST /api/v1/applications/{id}/submit',
        blockedBy: [{ guard: 'eligible', message: `${(detail.body.eligibilityGaps as unknown[]).length} requirement(s) of the category are not met yet` }],
      },
      { event: 'withdraw', reasonRequired: false, endpoint: 'POST /api/v1/applications/{id}/withdraw', blockedBy: [] },
    ]);
    // The editor's choices come from the pinned rules: the levels and roles the gaps are computed against.
    const choices = detail.body.choices as {
      educationLevels: { code: string }[];
      referenceRoles: { code: string }[];
      competencyDomains: { areas: { code: string }[] }[];
    };
    expect(choices.educationLevels.map((l) => l.code)).toEqual(snapshot.educationLevels.map((l) => l.code));
    expect(choices.referenceRoles.map((r) => r.code)).toEqual(snapshot.rules.references.roles.map((r) => r.code));
    expect(choices.competencyDomains.flatMap((d) => d.areas.map((a) => a.code))).toContain('observation_listening');
    const initialGaps = detail.body.eligibilityGaps as { code: string }[];
    expect(initialGaps.map((g) => g.code)).toContain('training_hours_short');

    const early = await call('POST', `/api/v1/applications/${appId}/submit`, { token: ada });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'not_eligible', eligibilityGaps: initialGaps });
    expect(early.body.detail).toContain((initialGaps[0] as unknown as { message: string }).message);

    const portfolio = eligiblePortfolio(snapshot, raters);
    const bad = await call('PUT', `/api/v1/applications/${appId}/portfolio/trainings`, {
      token: ada,
      body: { trainings: [{ ...portfolio.trainings[0], hours: -3 }] },
    });
    expect(bad.body).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: 'trainings.0.hours' }] });
    expect((await call('PUT', `/api/v1/applications/${appId}/portfolio/trainings`, { token: ada, body: { work: [] } })).status).toBe(400);
    expect(await versionOf(appId)).toBe(0);

    let version = 0;
    for (const section of ['education', 'work', 'trainings', 'rsc', 'agreements', 'membership'] as const) {
      const res = await call('PUT', `/api/v1/applications/${appId}/portfolio/${section}`, {
        token: ada,
        body: { [section]: portfolio[section] },
        headers: { 'if-match': `"${version}"` },
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(++version);
    }
    const stale = await call('PUT', `/api/v1/applications/${appId}/portfolio/references`, {
      token: ada,
      body: { references: portfolio.references },
      headers: { 'if-match': '"2"' },
    });
    expect(stale.body).toMatchObject({ status: 409, code: 'version_conflict', currentVersion: version });
    const last = await call('PUT', `/api/v1/applications/${appId}/portfolio/references`, { token: ada, body: { references: portfolio.references } });
    expect(last.body).toEqual({ version: version + 1, eligibilityGaps: [] });
  });

  test('submitting an eligible IFA portfolio: submitted, the applicant receives the email, and the timeline says so', async () => {
    const res = await call('POST', `/api/v1/applications/${appId}/submit`, { token: ada });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ applicationId: appId, state: 'submitted', version: 8 });
    const mail = await waitFor(
      'the received email',
      () => system.smtp.to('ada@example.org'),
      (m) => m.length > 0,
    );
    expect(header(mail[0], 'X-Template')).toBe('application_received');

    expect((await call('PUT', `/api/v1/applications/${appId}/portfolio/work`, { token: ada, body: { work: [] } })).body).toMatchObject({
      status: 409,
      code: 'application_not_editable',
    });
    expect((await call('POST', `/api/v1/applications/${appId}/submit`, { token: ada })).body).toMatchObject({ status: 409, code: 'event_not_allowed' });

    const timeline = await call('GET', `/api/v1/applications/${appId}/timeline`, { token: ada });
    expect(timeline.body).toEqual({
      events: [{ event: 'submit', from: 'draft', to: 'submitted', by: 'you', at: expect.any(String), reason: null }],
      pendingSteps: [{ step: 'association_review', description: expect.any(String) }],
    });
  });

  test('reference checks: pending raters with reminder dates, a rater rejected by their mail server, a new address, waived ratings hidden', async () => {
    await system.worker.get(TransitionApplication).execute({ applicationId: appId, event: 'begin_reference_checks', actor: { id: null, role: 'system' } });
    const emails = await waitFor(
      "the rater's rejection",
      async () =>
        (await call('GET', `/api/v1/applications/${appId}/emails`, { token: ada })).body.emails as {
          summary: string;
          status: string;
          createdAt: string;
          sentAt: string | null;
        }[],
      (e) => e.some((x) => x.status === 'failed'),
    );
    expect(emails).toContainEqual(
      expect.objectContaining({
        to: 'rater',
        raterName: 'Jane Doe',
        status: 'failed',
        summary: 'The request to your rater Jane Doe was rejected by their mail server.',
      }),
    );
    expect(emails).toContainEqual(
      expect.objectContaining({ to: 'you', template: 'application_received', summary: 'Our email to you was delivered to your mail server.' }),
    );
    // No SMTP answer ("550 …") reaches the applicant; the timestamps are left out, as ".550Z" is a time.
    expect(JSON.stringify(emails.map(({ createdAt: _c, sentAt: _s, ...shown }) => shown))).not.toContain('550');

    const detail = await call('GET', `/api/v1/applications/${appId}`, { token: ada });
    const steps = detail.body.pendingSteps as { raterName: string; status: string; nextReminderAt: string; overdueAt: string }[];
    expect(steps.map((s) => [s.raterName, s.status]).sort()).toEqual([
      ['Colin Colleague', 'requested'],
      ['Jane Doe', 'bounced'],
      ['Rosa Supervisor', 'requested'],
    ]);
    const rosa = steps.find((s) => s.raterName === 'Rosa Supervisor')!;
    // The list's next step is the first of these, with the same dates.
    const [listed] = (await call('GET', '/api/v1/applications', { token: ada })).body.applications as { nextStep: unknown }[];
    expect(listed.nextStep).toEqual(steps[0]);
    expect(new Date(rosa.overdueAt).getTime()).toBeGreaterThan(new Date(rosa.nextReminderAt).getTime());

    const refs = detail.body.references as { id: string; raterName: string }[];
    const jane = refs.find((r) => r.raterName === 'Jane Doe')!;
    expect((await call('PUT', `/api/v1/applications/${appId}/references/${jane.id}/email`, { token: bob, body: { email: 'jane@new.example' } })).status).toBe(
      404,
    );
    expect(
      (await call('PUT', `/api/v1/applications/${appId}/references/${appId}/email`, { token: ada, body: { email: 'jane@new.example' } })).body,
    ).toMatchObject({ status: 404, code: 'reference_not_found' });
    expect((await call('PUT', `/api/v1/applications/${appId}/references/${jane.id}/email`, { token: ada, body: { email: 'not-an-address' } })).status).toBe(
      400,
    );
    const replaced = await call('PUT', `/api/v1/applications/${appId}/references/${jane.id}/email`, { token: ada, body: { email: 'jane@new.example' } });
    expect(replaced.status).toBe(200);
    await waitFor(
      'the new request',
      () => system.smtp.to('jane@new.example'),
      (m) => m.length === 1,
    );

    // Two raters answer; only the one whose form the applicant did not waive shows its rating.
    await ds.query(
      `UPDATE application_references SET status = 'rated', rated_at = now(), rating = '{"answers":{"q1":"agree"}}' WHERE application_id = $1 AND rater_name IN ('Rosa Supervisor', 'Colin Colleague')`,
      [appId],
    );
    const after = (await call('GET', `/api/v1/applications/${appId}`, { token: ada })).body.references as Record<string, unknown>[];
    expect(after.find((r) => r.raterName === 'Rosa Supervisor')).not.toHaveProperty('rating');
    expect(after.find((r) => r.raterName === 'Colin Colleague')).toMatchObject({ waivedAccess: false, rating: { answers: { q1: 'agree' } } });
    expect(JSON.stringify(await call('GET', `/api/v1/applications/${appId}/timeline`, { token: ada }))).not.toContain('agree');
  });

  test('withdrawing with a reason; a withdrawn application cannot be withdrawn again', async () => {
    expect((await call('POST', `/api/v1/applications/${appId}/withdraw`, { token: ada, body: { reason: 'x'.repeat(2001) } })).status).toBe(400);
    expect(((await call('GET', `/api/v1/applications/${appId}`, { token: ada })).body.allowedEvents as { event: string }[]).map((a) => a.event)).toEqual([
      'withdraw',
    ]);
    const res = await call('POST', `/api/v1/applications/${appId}/withdraw`, { token: ada, body: { reason: 'Changed jobs' } });
    expect(res.body).toMatchObject({ applicationId: appId, state: 'withdrawn' });
    expect((await call('GET', `/api/v1/applications/${appId}`, { token: ada })).body.allowedEvents).toEqual([]);
    const again = await call('POST', `/api/v1/applications/${appId}/withdraw`, { token: ada });
    expect(again.body).toMatchObject({ status: 409, code: 'event_not_allowed' });
    const events = (await call('GET', `/api/v1/applications/${appId}/timeline`, { token: ada })).body.events as {
      event: string;
      by: string;
      reason: string | null;
    }[];
    expect(events.map((e) => [e.event, e.by, e.reason])).toEqual([
      ['submit', 'you', null],
      ['begin_reference_checks', 'system', null],
      ['withdraw', 'you', 'Changed jobs'],
    ]);
  });

  test('after a deferral the portfolio is amended, then resubmitted; not before it is amended', async () => {
    const id = await ownedBy(ada, 'deferred', `, state_changed_at = now() - interval '1 day'`);
    expect(((await call('GET', `/api/v1/applications/${id}`, { token: ada })).body.allowedEvents as { event: string }[]).map((a) => a.event)).toEqual([
      'resubmit',
      'withdraw',
    ]);
    expect((await call('POST', `/api/v1/applications/${id}/submit`, { token: ada })).body).toMatchObject({ status: 422, code: 'guard_failed' });
    const edited = await call('PUT', `/api/v1/applications/${id}/portfolio/work`, { token: ada, body: { work: [] } });
    expect(edited.status).toBe(200);
    expect((edited.body.eligibilityGaps as unknown[]).length).toBeGreaterThan(0);
    expect((await ds.query(`SELECT amended_at IS NOT NULL AS amended FROM applications WHERE id = $1`, [id]))[0].amended).toBe(true);
    expect((await call('POST', `/api/v1/applications/${id}/submit`, { token: ada })).body).toMatchObject({ state: 'panel_review' });
  });

  test('a lapsed endorsement is reinstated through new references; anything else cannot be', async () => {
    const draft = await ownedBy(bob, 'draft');
    expect((await call('POST', `/api/v1/applications/${draft}/reinstate`, { token: bob })).body).toMatchObject({ status: 409, code: 'event_not_allowed' });
    expect((await ds.query(`SELECT reinstatement FROM applications WHERE id = $1`, [draft]))[0].reinstatement).toBe(false);

    const lapsed = await ownedBy(bob, 'lapsed');
    expect(((await call('GET', `/api/v1/applications/${lapsed}`, { token: bob })).body.allowedEvents as { event: string }[]).map((a) => a.event)).toEqual([
      'reinstate',
    ]);
    expect((await call('POST', `/api/v1/applications/${lapsed}/reinstate`, { token: ada })).status).toBe(404);
    // The ratings of the original endorsement, one per required role.
    await ds.query(
      `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rated_at, created_at)
       SELECT a.id, r->>'code', 'Old Rater', 'old@rater.example', false, 'rated', now(), now() FROM applications a, jsonb_array_elements(a.rules->'rules'->'references'->'roles') r
        WHERE a.id = $1`,
      [lapsed],
    );
    // One rater per role of the lapsed application's category (IECFRS): raters for other roles could never complete it.
    const references = eligiblePortfolio(loadFramework().rulesSnapshot('MI-AIMH', 'IECFRS'), raters).references.map((r) => ({
      ...r,
      raterEmail: r.raterEmail.replace('rater.example', 'again.example'),
    }));
    const res = await call('POST', `/api/v1/applications/${lapsed}/reinstate`, { token: bob, body: { references } });
    expect(res.body).toMatchObject({ applicationId: lapsed, state: 'reference_checks' });
    expect(await ds.query(`SELECT reinstatement, portfolio->'references' AS refs FROM applications WHERE id = $1`, [lapsed])).toEqual([
      { reinstatement: true, refs: references },
    ]);
    await waitFor(
      'new reference requests',
      () => system.smtp.to('rosa@again.example'),
      (m) => m.length === 1,
    );
    // The earlier ratings stop counting: the reinstatement waits for the new raters.
    expect(
      await ds.query(`SELECT count(*)::int AS n FROM application_references WHERE application_id = $1 AND revoked_at IS NULL AND status = 'rated'`, [lapsed]),
    ).toEqual([{ n: 0 }]);
    const complete = system.worker
      .get(TransitionApplication)
      .execute({ applicationId: lapsed, event: 'complete_references', actor: { id: null, role: 'system' } });
    await expect(complete).rejects.toMatchObject({ code: 'guard_failed' });
  });
});
