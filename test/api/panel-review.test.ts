import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { insertApplication } from '../support/application-fixture.js';
import { header, readableBody } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const framework = loadFramework();
const DOMAINS = framework.competencyDomains.map((d) => d.code);
const allMet = Object.fromEntries(DOMAINS.map((code) => [code, 'met']));
const COORDINATOR_INBOX = framework.association('MI-AIMH').coordinatorEmail;

describe('panel review: two reviewers, their votes, consensus or an administrator', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function staff(name: string, roles: string[], associationCode: string | null) {
    const email = `${name}@staff.example.org`;
    ids[name] = await seedAccount(ds, { email, password: PASSWORD, roles, associationCode, fullName: `${name} Staff` });
    tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }

  /** An IFA application of MI-AIMH brought to panel review the way it happens: references complete. */
  async function inPanelReview(): Promise<{ id: string; email: string }> {
    const id = await insertApplication(ds, framework, { state: 'reference_checks', category: 'IFA' });
    for (const role of framework.rules('IFA').references.roles) {
      await ds.query(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rating, rated_at, created_at)
         VALUES ($1, $2, 'Rita Rater', 'rita@rater.example', true, 'rated', '{"a": 4}', now(), now())`,
        [id, role.code],
      );
    }
    await system.worker.get(TransitionApplication).execute({ applicationId: id, event: 'complete_references', actor: { id: null, role: 'system' } });
    const [{ email }] = await ds.query<{ email: string }[]>(`SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [id]);
    return { id, email };
  }

  const stateOf = async (id: string) =>
    (await ds.query<{ state: string; version: number }[]>(`SELECT state, version FROM applications WHERE id = $1`, [id]))[0];
  const templatesTo = (address: string) => system.smtp.to(address).map((m) => header(m, 'X-Template'));
  const assign = (appId: string, reviewerIds: string[], token = tokens.coord) =>
    call('POST', `/api/v1/staff/applications/${appId}/panel`, { token, body: { reviewerIds } });
  const vote = (appId: string, reviewer: string, body: Record<string, unknown>) =>
    call('POST', `/api/v1/reviews/${appId}/vote`, { token: tokens[reviewer], body: { checklist: allMet, ...body } });
  /** The staff timeline's entry for the application's last event. */
  const lastStaffEvent = async (appId: string) => {
    const events = (await call('GET', `/api/v1/staff/applications/${appId}/timeline`, { token: tokens.coord })).body.events as Record<string, unknown>[];
    return events.at(-1)!;
  };
  /** The reviewer's vote as the staff timeline shows it, its time read from the vote itself. */
  const voteEntry = async (appId: string, reviewer: string, recommendation: string) => {
    const [{ votedAt }] = await ds.query<{ votedAt: Date }[]>(
      `SELECT created_at AS "votedAt" FROM panel_votes WHERE application_id = $1 AND reviewer_id = $2`,
      [appId, ids[reviewer]],
    );
    return { reviewer: { id: ids[reviewer], name: `${reviewer} Staff` }, recommendation, votedAt: votedAt.toISOString() };
  };
  const reviewsOf = async (reviewer: string) =>
    ((await call('GET', '/api/v1/reviews', { token: tokens[reviewer] })).body.reviews as { applicationId: string }[]).map((r) => r.applicationId);

  let endorse: { id: string; email: string };
  let defer: { id: string; email: string };
  let split: { id: string; email: string };

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    ds = system.ds;
    await staff('coord', ['coordinator'], 'MI-AIMH');
    await staff('admin', ['administrator'], 'MI-AIMH');
    await staff('txCoord', ['coordinator'], 'TAIMH');
    await staff('r1', ['reviewer'], 'MI-AIMH');
    await staff('r2', ['reviewer'], 'MI-AIMH');
    await staff('r3', ['reviewer'], 'MI-AIMH');
    await staff('txReviewer', ['reviewer'], 'TAIMH');
    await staff('examiner', ['exam_reviewer'], 'MI-AIMH');
    endorse = await inPanelReview();
    defer = await inPanelReview();
    split = await inPanelReview();
  });

  afterAll(() => system.stop());

  test('a coordinator assigns two distinct reviewers of the association; anything else is refused and changes nothing', async () => {
    expect((await assign(endorse.id, [ids.r1, ids.r1])).body).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: 'reviewerIds' }] });
    expect((await assign(endorse.id, [ids.r1])).status).toBe(400);
    expect((await assign(endorse.id, [ids.r1, ids.r2, ids.r3])).status).toBe(400);
    expect((await assign(endorse.id, [ids.r1, 'nope'])).status).toBe(400);
    expect((await assign(endorse.id, [ids.r1, ids.txReviewer])).body).toMatchObject({
      status: 422,
      code: 'reviewers_not_eligible',
      accountIds: [ids.txReviewer],
    });
    expect((await assign(endorse.id, [ids.r1, ids.examiner])).body).toMatchObject({ status: 422, code: 'reviewers_not_eligible', accountIds: [ids.examiner] });
    expect((await assign(endorse.id, [ids.r1, ids.r2], tokens.txCoord)).body).toMatchObject({ status: 404, code: 'application_not_found' });
    expect((await assign(endorse.id, [ids.r1, ids.r2], tokens.r1)).status).toBe(403);
    const notYet = await insertApplication(ds, framework, { state: 'reference_checks' });
    expect((await assign(notYet, [ids.r1, ids.r2])).body).toMatchObject({ status: 409, code: 'not_in_panel_review' });
    expect(await ds.query(`SELECT count(*)::int AS n FROM panel_assignments`)).toEqual([{ n: 0 }]);

    // Until someone votes, the panel may be changed.
    expect((await assign(endorse.id, [ids.r1, ids.r3])).status).toBe(200);
    const res = await assign(endorse.id, [ids.r1, ids.r2]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ applicationId: endorse.id, round: 1, reviewerIds: [ids.r1, ids.r2] });
    expect((await assign(defer.id, [ids.r1, ids.r2])).status).toBe(200);
    expect((await assign(split.id, [ids.r2, ids.r3], tokens.admin)).status).toBe(200);

    // Reviewers are asked by email, with a link to their review; r1, kept when the panel changed, is
    // not asked twice, and r3, taken off it, is told.
    const emailed = await ds.query<object[]>(
      `SELECT recipient_email, template, count(*)::int AS n FROM email_deliveries WHERE application_id = $1 AND recipient_kind = 'reviewer' GROUP BY 1, 2 ORDER BY 1, 2`,
      [endorse.id],
    );
    expect(emailed).toEqual([
      { recipient_email: 'r1@staff.example.org', template: 'panel_assigned', n: 1 },
      { recipient_email: 'r2@staff.example.org', template: 'panel_assigned', n: 1 },
      { recipient_email: 'r3@staff.example.org', template: 'panel_assigned', n: 1 },
      { recipient_email: 'r3@staff.example.org', template: 'panel_released', n: 1 },
    ]);
    await waitFor(
      'panel_released to r3',
      () => templatesTo('r3@staff.example.org'),
      (t) => t.includes('panel_released'),
    );
    const mails = await waitFor(
      'panel_assigned to r2',
      () => system.smtp.to('r2@staff.example.org').filter((m) => header(m, 'X-Template') === 'panel_assigned'),
      (m) => m.length === 3,
    );
    expect(mails.map((m) => readableBody(m)).filter((body) => body.includes(`http://localhost:3000/reviews/${endorse.id}`))).toHaveLength(1);
    // Both panels are on the audit timeline.
    const timeline = await call('GET', `/api/v1/staff/applications/${endorse.id}/timeline`, { token: tokens.coord });
    expect((timeline.body.activities as { kind: string; accounts: { id: string }[] }[]).map((a) => [a.kind, a.accounts.map((r) => r.id)])).toEqual([
      ['panel_assigned', [ids.r1, ids.r3]],
      ['panel_assigned', [ids.r1, ids.r2]],
    ]);
  });

  test('reviewers see only what is assigned to them; anything else is 404', async () => {
    expect(await reviewsOf('r1')).toEqual([endorse.id, defer.id]);
    expect(await reviewsOf('r3')).toEqual([split.id]);
    expect(await reviewsOf('txReviewer')).toEqual([]);
    for (const [reviewer, appId] of [
      ['r3', endorse.id],
      ['txReviewer', endorse.id],
      ['r1', split.id],
    ]) {
      expect((await call('GET', `/api/v1/reviews/${appId}`, { token: tokens[reviewer] })).body).toMatchObject({ status: 404, code: 'review_not_found' });
      expect((await vote(appId, reviewer, { recommendation: 'endorse' })).body).toMatchObject({ status: 404, code: 'review_not_found' });
    }
    for (const token of [tokens.coord, tokens.examiner]) expect((await call('GET', '/api/v1/reviews', { token })).status).toBe(403);
    expect((await call('GET', '/api/v1/reviews/not-a-uuid', { token: tokens.r1 })).status).toBe(400);

    const res = await call('GET', `/api/v1/reviews/${endorse.id}`, { token: tokens.r1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      applicationId: endorse.id,
      state: 'panel_review',
      applicantName: 'Test Applicant',
      round: 1,
      yourVote: null,
      portfolio: expect.any(Object),
      references: expect.arrayContaining([expect.objectContaining({ status: 'rated', rating: { a: 4 }, raterName: 'Rita Rater' })]),
    });
    expect((res.body.competencyDomains as { code: string }[]).map((d) => d.code)).toEqual(DOMAINS);
  });

  test('a vote marks every competency domain; defer and deny need notes; one vote per reviewer', async () => {
    const { reflection: _, ...missing } = allMet;
    const incomplete = await vote(endorse.id, 'r1', { checklist: missing, recommendation: 'endorse' });
    expect(incomplete.body).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: 'checklist.reflection' }] });
    expect((await vote(endorse.id, 'r1', { checklist: { ...allMet, charm: 'met' }, recommendation: 'endorse' })).body).toMatchObject({
      errors: [{ field: 'checklist.charm' }],
    });
    expect((await vote(endorse.id, 'r1', { checklist: { ...allMet, reflection: 'maybe' }, recommendation: 'endorse' })).status).toBe(400);
    expect((await vote(endorse.id, 'r1', { recommendation: 'defer' })).body).toMatchObject({ status: 400, errors: [{ field: 'notes' }] });
    expect((await vote(endorse.id, 'r1', { recommendation: 'promote' })).status).toBe(400);
    expect((await vote(endorse.id, 'r1', { recommendation: 'endorse', notes: 'x'.repeat(4001) })).status).toBe(400);
    expect(await ds.query(`SELECT count(*)::int AS n FROM panel_votes`)).toEqual([{ n: 0 }]);

    const first = await vote(endorse.id, 'r1', { recommendation: 'endorse', notes: 'A thoughtful portfolio.' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ applicationId: endorse.id, round: 1, votesIn: 1, outcome: null });
    expect((await vote(endorse.id, 'r1', { recommendation: 'deny', notes: 'Changed my mind.' })).body).toMatchObject({ status: 409, code: 'already_voted' });
    expect((await assign(endorse.id, [ids.r2, ids.r3])).body).toMatchObject({ status: 409, code: 'panel_votes_in' });
    expect(await reviewsOf('r1')).toEqual([defer.id]);
    expect((await call('GET', `/api/v1/reviews/${endorse.id}`, { token: tokens.r1 })).body).toMatchObject({
      yourVote: { recommendation: 'endorse', notes: 'A thoughtful portfolio.' },
    });
  });

  test('two endorsements endorse: the applicant is emailed their endorsement number', async () => {
    const res = await vote(endorse.id, 'r2', { recommendation: 'endorse' });
    expect(res.body).toEqual({ applicationId: endorse.id, round: 1, votesIn: 2, outcome: 'panel_endorse' });
    expect((await stateOf(endorse.id)).state).toBe('endorsed');
    const [mail] = await waitFor(
      'endorsed email',
      () => system.smtp.to(endorse.email).filter((m) => header(m, 'X-Template') === 'endorsed'),
      (m) => m.length === 1,
    );
    const [{ endorsement_number: number }] = await ds.query<{ endorsement_number: string }[]>(`SELECT endorsement_number FROM applications WHERE id = $1`, [
      endorse.id,
    ]);
    expect(number).toMatch(/^MI-\d{6}$/);
    expect(readableBody(mail)).toContain(number);
  });

  test("the agreement's audit event records who voted what and when; the applicant's timeline names no reviewer", async () => {
    const votes = [await voteEntry(endorse.id, 'r1', 'endorse'), await voteEntry(endorse.id, 'r2', 'endorse')];
    expect(await lastStaffEvent(endorse.id)).toMatchObject({ event: 'panel_endorse', actor: { id: null, role: 'system' }, votes });

    // The applicant signs in and reads their own timeline: the outcome, not who voted.
    const applicantId = await seedAccount(ds, { email: 'panel-applicant@example.org', password: PASSWORD, roles: ['applicant'], associationCode: 'MI-AIMH' });
    await ds.query(`UPDATE applications SET applicant_id = (SELECT person_id FROM accounts WHERE id = $2) WHERE id = $1`, [endorse.id, applicantId]);
    const applicant = (await call('POST', '/api/v1/auth/login', { body: { email: 'panel-applicant@example.org', password: PASSWORD } })).body
      .accessToken as string;
    const timeline = await call('GET', `/api/v1/applications/${endorse.id}/timeline`, { token: applicant });
    expect(timeline.status).toBe(200);
    expect((timeline.body.events as { event: string }[]).map((e) => e.event)).toContain('panel_endorse');
    for (const secret of [ids.r1, ids.r2, 'r1 Staff', 'r2 Staff', 'votes']) expect(JSON.stringify(timeline.body)).not.toContain(secret);
  });

  test("two deferrals defer with the reviewers' notes; the resubmission is a new round with a new panel", async () => {
    await vote(defer.id, 'r1', { recommendation: 'defer', notes: 'Please add the hours of your 2024 training.' });
    const res = await vote(defer.id, 'r2', {
      checklist: { ...allMet, reflection: 'not_met' },
      recommendation: 'defer',
      notes: 'Describe your reflective supervision.',
    });
    expect(res.body).toMatchObject({ votesIn: 2, outcome: 'panel_defer' });
    expect((await stateOf(defer.id)).state).toBe('deferred');
    const [mail] = await waitFor(
      'deferred email',
      () => system.smtp.to(defer.email).filter((m) => header(m, 'X-Template') === 'deferred'),
      (m) => m.length === 1,
    );
    expect(readableBody(mail)).toContain('Please add the hours of your 2024 training.');
    expect(readableBody(mail)).toContain('Describe your reflective supervision.');

    await ds.query(`UPDATE applications SET amended_at = now() + interval '1 second' WHERE id = $1`, [defer.id]);
    await system.worker.get(TransitionApplication).execute({ applicationId: defer.id, event: 'resubmit', actor: { id: null, role: 'applicant' } });
    expect(await reviewsOf('r1')).toEqual([]);
    expect((await call('GET', `/api/v1/reviews/${defer.id}`, { token: tokens.r1 })).status).toBe(404);
    expect((await assign(defer.id, [ids.r1, ids.r3])).body).toEqual({ applicationId: defer.id, round: 2, reviewerIds: [ids.r1, ids.r3] });
    expect(await reviewsOf('r1')).toEqual([defer.id]);
    expect((await call('GET', `/api/v1/reviews/${defer.id}`, { token: tokens.r1 })).body).toMatchObject({ round: 2, yourVote: null });
  });

  test('disagreement escalates to the association; an administrator decides at the version they saw', async () => {
    expect((await vote(split.id, 'r2', { recommendation: 'endorse' })).body).toMatchObject({ outcome: null });
    expect((await call('GET', `/api/v1/staff/applications/${split.id}`, { token: tokens.admin })).body.panel).toMatchObject({ round: 1, escalated: false });
    const decide = (body: Record<string, unknown>, ifMatch?: string, token = tokens.admin) =>
      call('POST', `/api/v1/staff/applications/${split.id}/panel-decision`, { token, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
    // One vote in: nothing to decide yet.
    expect((await decide({ recommendation: 'endorse' }, `"${(await stateOf(split.id)).version}"`)).body).toMatchObject({
      status: 409,
      code: 'panel_not_escalated',
    });

    const res = await vote(split.id, 'r3', { recommendation: 'deny', notes: 'The work experience is not with infants.' });
    expect(res.body).toMatchObject({ votesIn: 2, outcome: 'panel_escalate' });
    const { state, version } = await stateOf(split.id);
    expect(state).toBe('panel_review');
    // The staff view says so: both votes of the round, and the administrator may decide through panel-decision.
    const detail = (await call('GET', `/api/v1/staff/applications/${split.id}`, { token: tokens.admin })).body;
    expect(detail.panel).toEqual({
      round: 1,
      escalated: true,
      reviewers: expect.arrayContaining([
        { id: ids.r2, name: expect.any(String) },
        { id: ids.r3, name: expect.any(String) },
      ]),
    });
    expect(detail.allowedEvents).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'panel_endorse', endpoint: expect.stringContaining('panel-decision') })]),
    );
    // The escalation's event shows both votes side by side, for the administrator who decides.
    const splitVotes = [await voteEntry(split.id, 'r2', 'endorse'), await voteEntry(split.id, 'r3', 'deny')];
    expect(await lastStaffEvent(split.id)).toMatchObject({ event: 'panel_escalate', reason: 'The reviewers disagree: endorse and deny.', votes: splitVotes });
    // To the association's administrators by name; the team inbox only hears when there are none.
    const [escalation] = await waitFor(
      'panel_escalated email',
      () => system.smtp.to('admin@staff.example.org').filter((m) => header(m, 'X-Template') === 'panel_escalated'),
      (m) => m.length === 1,
    );
    expect(readableBody(escalation)).toContain('Test Applicant');
    expect(system.smtp.to(COORDINATOR_INBOX).map((m) => header(m, 'X-Template'))).not.toContain('panel_escalated');
    expect(await reviewsOf('r3')).toEqual([defer.id]); // split is voted on, so no longer waiting for them

    expect((await decide({ recommendation: 'endorse' }, `"${version}"`, tokens.coord)).status).toBe(403);
    expect((await decide({ recommendation: 'endorse' })).body).toMatchObject({ status: 428, code: 'version_required' });
    expect((await decide({ recommendation: 'endorse' }, `"${version - 1}"`)).body).toMatchObject({
      status: 409,
      code: 'version_conflict',
      currentState: 'panel_review',
      currentVersion: version,
    });
    expect((await decide({ recommendation: 'deny' }, `"${version}"`)).body).toMatchObject({
      status: 422,
      code: 'guard_failed',
      failedGuards: [{ guard: 'reason_given' }],
    });
    expect((await decide({ recommendation: 'deny', reason: 'x', extra: 1 }, `"${version}"`)).status).toBe(400);
    expect(await stateOf(split.id)).toEqual({ state, version });

    const decided = await decide({ recommendation: 'deny', reason: 'The work experience is not with infants or toddlers.' }, `"${version}"`);
    expect(decided.status).toBe(200);
    expect(decided.headers.get('etag')).toBe(`"${version + 1}"`);
    expect(decided.body).toEqual({ applicationId: split.id, state: 'denied', version: version + 1 });
    const [event] = await ds.query<object[]>(`SELECT event, actor_id, actor_role FROM application_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1`, [
      split.id,
    ]);
    expect(event).toEqual({ event: 'panel_deny', actor_id: ids.admin, actor_role: 'administrator' });
    // The administrator's decision is theirs, and its event shows the split it settled.
    expect(await lastStaffEvent(split.id)).toMatchObject({
      event: 'panel_deny',
      actor: { id: ids.admin, role: 'administrator', name: 'admin Staff' },
      reason: 'The work experience is not with infants or toddlers.',
      votes: splitVotes,
    });
    await waitFor(
      'denied email',
      () => templatesTo(split.email),
      (t) => t.includes('denied'),
    );
  });

  test('two votes at once: exactly one of them settles the round', async () => {
    const race = await inPanelReview();
    expect((await assign(race.id, [ids.r1, ids.r2])).status).toBe(200);
    const votes = await Promise.all(['r1', 'r2'].map((r) => vote(race.id, r, { recommendation: 'endorse' })));
    expect(votes.map((v) => v.status)).toEqual([201, 201]);
    expect(votes.map((v) => v.body.outcome).sort()).toEqual([null, 'panel_endorse']);
    expect(await ds.query(`SELECT event FROM application_events WHERE application_id = $1 AND event LIKE 'panel_%'`, [race.id])).toEqual([
      { event: 'panel_endorse' },
    ]);
  });
});
