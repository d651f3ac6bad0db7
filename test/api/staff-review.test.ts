import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import type { ApplicationState } from '#workflow';
import { insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { caller, seedAccount, type CallOptions } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const framework = loadFramework();
const NOBODY = '00000000-0000-4000-8000-000000000000';

describe('staff review of one application: record, timeline, claims, transitions, vetting calls', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let appId: string;
  let referenceId: string;

  async function staff(name: string, roles: string[], associationCode: string | null) {
    const email = `${name}@example.org`;
    ids[name] = await seedAccount(system.ds, { email, password: PASSWORD, roles, associationCode, fullName: `${name} Staff` });
    tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }
  const as = (who: string, method: string, path: string, options: CallOptions = {}) => call(method, path, { ...options, token: tokens[who] });
  const fire = (who: string, id: string, body: Record<string, unknown>, ifMatch?: string) =>
    as(who, 'POST', `/api/v1/staff/applications/${id}/transitions`, { body, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
  const stateOf = async (id: string) =>
    (await system.ds.query<{ state: ApplicationState; version: number }[]>(`SELECT state, version FROM applications WHERE id = $1`, [id]))[0];
  const eventsOf = async (id: string) =>
    Number((await system.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM application_events WHERE application_id = $1`, [id]))[0].n);

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    await staff('coord', ['coordinator'], 'MI-AIMH');
    await staff('coord2', ['coordinator', 'reviewer'], 'MI-AIMH');
    await staff('tx', ['coordinator', 'administrator'], 'TAIMH');
    await staff('alliance', ['administrator'], null);
    await staff('reviewer', ['reviewer'], 'MI-AIMH');
    await staff('examiner', ['exam_reviewer'], 'MI-AIMH');
    await call('POST', '/api/v1/auth/register', {
      body: { email: 'ada@example.org', password: PASSWORD, fullName: 'Ada Applicant', associationCode: 'MI-AIMH' },
    });
    tokens.applicant = (await call('POST', '/api/v1/auth/login', { body: { email: 'ada@example.org', password: PASSWORD } })).body.accessToken as string;

    appId = await insertApplication(system.ds, framework, { state: 'submitted' });
    const [ref] = await system.ds.query<{ id: string }[]>(
      `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rating, rated_at, created_at)
       VALUES ($1, 'supervisor', 'Rae Rater', 'rae@clinic.example', true, 'rated', '{"answers":{"q1":4},"comments":"Warm and attentive."}', now(), now()) RETURNING id`,
      [appId],
    );
    referenceId = ref.id;
    await system.ds.query(
      `INSERT INTO email_deliveries (business_key, application_id, reference_id, template, recipient_kind, recipient_email, recipient_name, status, attempts, smtp_response, created_at, updated_at)
       VALUES ('test-bounce', $1, $2, 'reference_request', 'rater', 'rae@clinic.example', 'Rae Rater', 'failed', 1, '550 5.1.1 <rae@clinic.example>: mailbox unavailable', now(), now())`,
      [appId, referenceId],
    );
  });
  afterAll(async () => system.stop());

  describe('the record', () => {
    test("the full detail, with its version as ETag: portfolio, references with ratings, failed deliveries with the server's answer", async () => {
      const res = await as('coord', 'GET', `/api/v1/staff/applications/${appId}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"0"');
      // The version does not move with a claim or a vetting call: no browser answers from its cache.
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.body).toMatchObject({
        id: appId,
        associationCode: 'MI-AIMH',
        categoryCode: 'IFA',
        state: 'submitted',
        version: 0,
        applicant: { name: 'Test Applicant', email: expect.stringContaining('@example.org') },
        assignee: null,
        portfolio: expect.any(Object),
        references: [
          {
            id: referenceId,
            role: 'supervisor',
            raterName: 'Rae Rater',
            waivedAccess: true,
            status: 'rated',
            rating: { answers: { q1: 4 }, comments: 'Warm and attentive.' },
            vettedAt: null,
            vettingCalls: [],
          },
        ],
        deliveries: [
          {
            template: 'reference_request',
            recipientKind: 'rater',
            referenceId,
            status: 'failed',
            smtpResponse: '550 5.1.1 <rae@clinic.example>: mailbox unavailable',
          },
        ],
        examAttempts: [],
        panelVotes: [],
      });
    });

    test('an Alliance administrator reads it too; a malformed id is 400, an unknown one 404', async () => {
      expect((await as('alliance', 'GET', `/api/v1/staff/applications/${appId}`)).status).toBe(200);
      expect(await as('coord', 'GET', '/api/v1/staff/applications/not-a-uuid')).toMatchObject({
        status: 400,
        body: { code: 'validation_failed', errors: [{ field: 'id' }] },
      });
      expect(await as('coord', 'GET', `/api/v1/staff/applications/${NOBODY}`)).toMatchObject({ status: 404, body: { code: 'application_not_found' } });
    });
  });

  describe('what the caller may do now, and what the portfolio lacks', () => {
    test("allowedEvents: the caller's role's events from the current state, with the reason they need, the route of dedicated ones and what blocks them now", async () => {
      const coord = await as('coord', 'GET', `/api/v1/staff/applications/${appId}`);
      expect(coord.body.allowedEvents).toEqual([
        { event: 'begin_reference_checks', reasonRequired: false, endpoint: null, blockedBy: [] },
        { event: 'hold', reasonRequired: true, endpoint: null, blockedBy: [] },
        { event: 'withdraw', reasonRequired: false, endpoint: null, blockedBy: [] },
      ]);
      // Judged by the transition path's own guards: an exam category waiting for its ratings.
      const exam = await insertApplication(system.ds, framework, { state: 'reference_checks', category: 'IMHS' });
      const judged = (await as('coord', 'GET', `/api/v1/staff/applications/${exam}`)).body.allowedEvents as { event: string; blockedBy: { guard: string }[] }[];
      expect(Object.fromEntries(judged.map((a) => [a.event, a.blockedBy.map((g) => g.guard)]))).toEqual({
        complete_references: ['references_complete', 'no_exam_needed'],
        approve_exam: ['references_complete'],
        hold: [],
        withdraw: [],
      });
      const panel = await insertApplication(system.ds, framework, { state: 'panel_review' });
      const admin = await as('alliance', 'GET', `/api/v1/staff/applications/${panel}`);
      expect(admin.body.allowedEvents).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ event: 'panel_defer', reasonRequired: true, endpoint: expect.stringContaining('panel-decision') }),
          { event: 'hold', reasonRequired: true, endpoint: null, blockedBy: [] },
        ]),
      );
      // A coordinator has no say in the panel's outcome.
      expect(
        ((await as('coord', 'GET', `/api/v1/staff/applications/${panel}`)).body.allowedEvents as { event: string }[]).map((a: { event: string }) => a.event),
      ).toEqual(['hold', 'withdraw']);
    });

    test("eligibilityGaps: the category's unmet requirements, from the same check as the applicant's checklist", async () => {
      // The fixture's portfolio is empty: every requirement is a gap.
      const gaps = (await as('coord', 'GET', `/api/v1/staff/applications/${appId}`)).body.eligibilityGaps as { code: string; message: string }[];
      expect(gaps.length).toBeGreaterThan(1);
      expect(gaps[0]).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    });
  });

  describe('colleagues', () => {
    test("the association's staff holding a role, by name; never another association's", async () => {
      const reviewers = await as('coord', 'GET', '/api/v1/staff/colleagues?role=reviewer');
      expect(reviewers).toMatchObject({ status: 200 });
      expect(reviewers.body.colleagues).toEqual([
        { id: ids.coord2, name: 'coord2 Staff', associationCode: 'MI-AIMH', roles: ['coordinator', 'reviewer'] },
        { id: ids.reviewer, name: 'reviewer Staff', associationCode: 'MI-AIMH', roles: ['reviewer'] },
      ]);
      expect((await as('tx', 'GET', '/api/v1/staff/colleagues?role=coordinator')).body.colleagues).toEqual([expect.objectContaining({ id: ids.tx })]);
      expect((await as('coord', 'GET', '/api/v1/staff/colleagues?role=coordinator&association=TAIMH')).status).toBe(403);
      expect(await as('coord', 'GET', '/api/v1/staff/colleagues?role=applicant')).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
      expect((await as('reviewer', 'GET', '/api/v1/staff/colleagues?role=reviewer')).status).toBe(403);
    });
  });

  describe('claim and assign', () => {
    test("a claim takes an unassigned application; someone else's claim is 409 naming the assignee", async () => {
      const mine = await as('coord', 'POST', `/api/v1/staff/applications/${appId}/claim`);
      expect(mine).toMatchObject({ status: 200, body: { applicationId: appId, assigneeId: ids.coord, claimedAt: expect.any(String) } });
      expect((await as('coord', 'POST', `/api/v1/staff/applications/${appId}/claim`)).body.claimedAt).toBe(mine.body.claimedAt); // claiming again keeps it
      expect(await as('coord2', 'POST', `/api/v1/staff/applications/${appId}/claim`)).toMatchObject({
        status: 409,
        body: { code: 'already_claimed', assigneeId: ids.coord },
      });
    });

    test('assign to a coordinator or administrator of the association (or an Alliance administrator), or to nobody', async () => {
      expect(await as('coord', 'POST', `/api/v1/staff/applications/${appId}/assign`, { body: { accountId: ids.coord2 } })).toMatchObject({
        status: 200,
        body: { assigneeId: ids.coord2 },
      });
      expect((await as('coord', 'GET', `/api/v1/staff/applications/${appId}`)).body.assignee).toMatchObject({ id: ids.coord2, name: 'coord2 Staff' });
      expect(await as('coord', 'POST', `/api/v1/staff/applications/${appId}/assign`, { body: { accountId: ids.alliance } })).toMatchObject({
        status: 200,
        body: { assigneeId: ids.alliance },
      });
      expect(await as('coord', 'POST', `/api/v1/staff/applications/${appId}/assign`, { body: { accountId: null } })).toMatchObject({
        status: 200,
        body: { assigneeId: null, claimedAt: null },
      });
    });

    test("refused: another association's staff, a reviewer, an unknown account; a bad body", async () => {
      for (const accountId of [ids.tx, ids.reviewer, NOBODY]) {
        expect(await as('coord', 'POST', `/api/v1/staff/applications/${appId}/assign`, { body: { accountId } })).toMatchObject({
          status: 422,
          body: { code: 'invalid_assignee' },
        });
      }
      for (const body of [{}, { accountId: 'x' }, { accountId: ids.coord, extra: 1 }]) {
        expect((await as('coord', 'POST', `/api/v1/staff/applications/${appId}/assign`, { body })).status).toBe(400);
      }
      expect((await system.ds.query<{ assignee_id: null }[]>(`SELECT assignee_id FROM applications WHERE id = $1`, [appId]))[0].assignee_id).toBeNull();
    });

    test('every change of hands is on the audit timeline, once: a claim kept again or a refused one is not', async () => {
      const timeline = await as('coord', 'GET', `/api/v1/staff/applications/${appId}/timeline`);
      expect(timeline.status).toBe(200);
      const staffMember = (name: string) => ({ id: ids[name], name: `${name} Staff` });
      expect(timeline.body.activities).toEqual([
        { kind: 'claimed', actor: staffMember('coord'), accounts: [staffMember('coord')], occurredAt: expect.any(String) },
        { kind: 'assigned', actor: staffMember('coord'), accounts: [staffMember('coord2')], occurredAt: expect.any(String) },
        { kind: 'assigned', actor: staffMember('coord'), accounts: [staffMember('alliance')], occurredAt: expect.any(String) },
        { kind: 'unassigned', actor: staffMember('coord'), accounts: [], occurredAt: expect.any(String) },
      ]);
      // The database keeps it that way.
      await expect(system.ds.query(`DELETE FROM application_activities WHERE application_id = $1`, [appId])).rejects.toThrow('append-only');
    });
  });

  describe('transitions with If-Match', () => {
    test('without If-Match: 428, nothing changes', async () => {
      const res = await fire('coord', appId, { event: 'begin_reference_checks' });
      expect(res).toMatchObject({ status: 428, body: { code: 'version_required' } });
      expect(res.type).toContain('application/problem+json');
      expect(await stateOf(appId)).toEqual({ state: 'submitted', version: 0 });
    });

    test('a stale version: 409 with the current state and version, nothing changes', async () => {
      const res = await fire('coord', appId, { event: 'begin_reference_checks' }, '"7"');
      expect(res).toMatchObject({ status: 409, body: { code: 'version_conflict', currentState: 'submitted', currentVersion: 0 } });
      expect(await eventsOf(appId)).toBe(0);
      expect((await fire('coord', appId, { event: 'begin_reference_checks' }, 'W/"0"')).status).toBe(400);
    });

    test('the right version: the transition happens, answers the new ETag, and writes the audit event with actor and reason', async () => {
      const res = await fire('coord', appId, { event: 'begin_reference_checks' }, '"0"');
      expect(res).toMatchObject({ status: 200, body: { applicationId: appId, state: 'reference_checks', version: 1 } });
      expect(res.headers.get('etag')).toBe('"1"');
      const held = await fire('coord2', appId, { event: 'hold', reason: 'Waiting for the transcript of your degree.' }, '1');
      expect(held).toMatchObject({ status: 200, body: { state: 'on_hold', version: 2 } });

      const timeline = await as('coord', 'GET', `/api/v1/staff/applications/${appId}/timeline`);
      expect(timeline.status).toBe(200);
      expect(timeline.body.events).toEqual([
        expect.objectContaining({
          version: 1,
          event: 'begin_reference_checks',
          from: 'submitted',
          to: 'reference_checks',
          actor: { id: ids.coord, role: 'coordinator', name: 'coord Staff' },
          reason: null,
        }),
        expect.objectContaining({
          version: 2,
          event: 'hold',
          from: 'reference_checks',
          to: 'on_hold',
          actor: { id: ids.coord2, role: 'coordinator', name: 'coord2 Staff' },
          reason: 'Waiting for the transcript of your degree.',
        }),
      ]);
    });

    test("refused by the state machine: a failed guard is 422 naming it, an event the state does not allow 409, another role's event 403", async () => {
      const noReason = await fire('alliance', appId, { event: 'resume' }, '"2"');
      expect(noReason).toMatchObject({ status: 200, body: { state: 'reference_checks', version: 3 } });
      expect(await fire('coord', appId, { event: 'hold' }, '"3"')).toMatchObject({
        status: 422,
        body: { code: 'guard_failed', failedGuards: [{ guard: 'reason_given' }] },
      });
      expect(await fire('coord', appId, { event: 'resume' }, '"3"')).toMatchObject({
        status: 409,
        body: { code: 'event_not_allowed', allowedEvents: expect.arrayContaining(['hold']) },
      });
      const endorsed = await insertApplication(system.ds, framework, { state: 'endorsed' });
      expect(await fire('coord', endorsed, { event: 'open_renewal' }, '"0"')).toMatchObject({
        status: 403,
        body: { code: 'role_not_allowed', allowedRoles: ['system'] },
      });
      expect(await stateOf(endorsed)).toEqual({ state: 'endorsed', version: 0 });
      expect(await stateOf(appId)).toEqual({ state: 'reference_checks', version: 3 });
      expect(await eventsOf(appId)).toBe(3);
    });

    test('events with their own flows are refused here, naming the route to use', async () => {
      expect(await fire('coord', appId, { event: 'approve_exam' }, '"3"')).toMatchObject({
        status: 422,
        body: { code: 'dedicated_endpoint', endpoint: 'POST /api/v1/staff/applications/{id}/exam-approval' },
      });
      for (const event of ['pass_exam', 'fail_exam', 'panel_endorse', 'panel_defer', 'panel_deny', 'panel_escalate']) {
        expect(await fire('alliance', appId, { event, reason: 'x' }, '"3"')).toMatchObject({
          status: 422,
          body: { code: 'dedicated_endpoint', endpoint: expect.any(String) },
        });
      }
      expect(await stateOf(appId)).toEqual({ state: 'reference_checks', version: 3 });
    });

    test('bad bodies are 400 and change nothing', async () => {
      for (const body of [
        {},
        { event: 'fly' },
        { event: 'hold', reason: 'x'.repeat(2001) },
        { event: 'hold', reason: 'a\u0000b' },
        { event: 'hold', reason: 'ok', by: 'me' },
        { event: 7 },
      ]) {
        expect((await fire('coord', appId, body, '"3"')).status).toBe(400);
      }
      expect(await stateOf(appId)).toEqual({ state: 'reference_checks', version: 3 });
    });
  });

  describe('vetting calls', () => {
    const path = () => `/api/v1/staff/applications/${appId}/references/${referenceId}/vetting-call`;
    const vettedBy = async () =>
      (
        await system.ds.query<{ vetted_at: Date | null; vetted_by: string | null }[]>(`SELECT vetted_at, vetted_by FROM application_references WHERE id = $1`, [
          referenceId,
        ])
      )[0];

    test('a call that vets the rater sets vetted_at/by; one nobody answers keeps it; one that could not vet clears it', async () => {
      const first = await as('coord', 'POST', path(), {
        body: { calledAt: '2026-01-10T15:00:00Z', outcome: 'vetted', notes: 'Confirmed role and 3 years supervising the applicant.' },
      });
      expect(first).toMatchObject({ status: 201, body: { referenceId, vettedAt: '2026-01-10T15:00:00.000Z' } });
      expect(await vettedBy()).toEqual({ vetted_at: new Date('2026-01-10T15:00:00Z'), vetted_by: ids.coord });

      expect((await as('coord2', 'POST', path(), { body: { calledAt: '2026-01-11T15:00:00Z', outcome: 'unreachable' } })).body.vettedAt).toBe(
        '2026-01-10T15:00:00.000Z',
      );
      // Recorded late but made earlier than the vetting call: the later verdict stands.
      expect((await as('coord2', 'POST', path(), { body: { calledAt: '2026-01-09T15:00:00Z', outcome: 'not_vetted' } })).body.vettedAt).toBe(
        '2026-01-10T15:00:00.000Z',
      );
      expect(
        (await as('coord2', 'POST', path(), { body: { calledAt: '2026-01-12T15:00:00Z', outcome: 'not_vetted', notes: 'Could not confirm employment.' } })).body
          .vettedAt,
      ).toBeNull();
      expect(await vettedBy()).toEqual({ vetted_at: null, vetted_by: null });

      const detail = await as('coord', 'GET', `/api/v1/staff/applications/${appId}`);
      const calls = (detail.body.references as { vettingCalls: { outcome: string; staffAccountId: string }[] }[])[0].vettingCalls;
      expect(calls.map((c) => c.outcome)).toEqual(['not_vetted', 'vetted', 'unreachable', 'not_vetted']);
      expect(calls[1].staffAccountId).toBe(ids.coord);
    });

    test('refused: a call in the future, bad fields, a reference of another application', async () => {
      const count = async () => Number((await system.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM reference_vetting_calls`))[0].n);
      const before = await count();
      const future = new Date(Date.now() + 3600_000).toISOString();
      expect(await as('coord', 'POST', path(), { body: { calledAt: future, outcome: 'vetted' } })).toMatchObject({
        status: 400,
        body: { code: 'validation_failed' },
      });
      for (const body of [
        { outcome: 'vetted' },
        { calledAt: 'yesterday', outcome: 'vetted' },
        { calledAt: '2026-01-10T15:00:00Z', outcome: 'maybe' },
        { calledAt: '2026-01-10T15:00:00Z', outcome: 'vetted', notes: 'n'.repeat(4001) },
      ]) {
        expect((await as('coord', 'POST', path(), { body })).status).toBe(400);
      }
      const other = await insertApplication(system.ds, framework, { state: 'reference_checks' });
      expect(
        await as('coord', 'POST', `/api/v1/staff/applications/${other}/references/${referenceId}/vetting-call`, {
          body: { calledAt: '2026-01-10T15:00:00Z', outcome: 'vetted' },
        }),
      ).toMatchObject({
        status: 404,
        body: { code: 'reference_not_found' },
      });
      expect(await count()).toBe(before);
    });
  });

  describe('isolation', () => {
    test('staff of another association: 404 on every route, as for an application that does not exist, and nothing changes', async () => {
      const before = await stateOf(appId);
      const attempts: [string, string, Record<string, unknown> | undefined, Record<string, string>][] = [
        ['GET', '', undefined, {}],
        ['GET', '/timeline', undefined, {}],
        ['POST', '/claim', undefined, {}],
        ['POST', '/assign', { accountId: ids.tx }, {}],
        ['POST', '/transitions', { event: 'withdraw' }, { 'if-match': `"${before.version}"` }],
        [`POST`, `/references/${referenceId}/vetting-call`, { calledAt: '2026-01-10T15:00:00Z', outcome: 'vetted' }, {}],
      ];
      for (const [method, suffix, body, headers] of attempts) {
        const theirs = await as('tx', method, `/api/v1/staff/applications/${appId}${suffix}`, { body, headers });
        const nobody = await as('tx', method, `/api/v1/staff/applications/${NOBODY}${suffix}`, { body, headers });
        expect({ suffix, status: theirs.status, code: theirs.body.code }).toEqual({ suffix, status: 404, code: 'application_not_found' });
        expect(theirs.body.detail).toBe(nobody.body.detail);
      }
      expect(await stateOf(appId)).toEqual(before);
      expect((await system.ds.query<{ assignee_id: null }[]>(`SELECT assignee_id FROM applications WHERE id = $1`, [appId]))[0].assignee_id).toBeNull();
    });

    test('applicants, reviewers and exam reviewers are refused (403) on every staff route', async () => {
      for (const who of ['applicant', 'reviewer', 'examiner']) {
        for (const [method, suffix] of [
          ['GET', ''],
          ['GET', '/timeline'],
          ['POST', '/claim'],
          ['POST', '/transitions'],
        ]) {
          const res = await as(who, method, `/api/v1/staff/applications/${appId}${suffix}`, {
            body: method === 'POST' ? { event: 'withdraw' } : undefined,
            headers: { 'if-match': '"3"' },
          });
          expect({ who, suffix, status: res.status }).toEqual({ who, suffix, status: 403 });
        }
      }
      expect(await stateOf(appId)).toEqual({ state: 'reference_checks', version: 3 });
    });
  });
});
