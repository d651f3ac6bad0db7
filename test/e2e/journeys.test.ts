import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createApiClient, type ApiClient, type paths } from '#api-client';
import { loadFramework } from '#framework';
import { seedAccount } from '../api/auth-harness.js';
import { accountLink, decodedHeader, header, raterLink, readableBody } from '../support/mail-reading.js';
import { ResponseContract } from '../support/openapi-responses.js';
import { eligiblePortfolio, type RaterEntry } from '../support/portfolio-fixture.js';
import type { ReceivedMail } from '../support/smtp-sink.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

/**
 * Whole journeys over HTTP with the worker and an SMTP server running, as people live them: staff
 * join through their invitation emails, applicants register and fill in their portfolio, raters
 * follow the links in their emails to the form, reviewers score and vote, and every step is checked
 * by the email it sends. The api is called through the typed client (#api-client), so a change to
 * the contract that these journeys no longer fit breaks the type check.
 */

const PASSWORD = 'journeys are long and so is this passphrase';
const ASSOCIATION = 'MI-AIMH';
const framework = loadFramework();
const DOMAINS = framework.competencyDomains.map((d) => d.code);
type StaffRoles = NonNullable<paths['/api/v1/staff/invitations']['post']['requestBody']>['content']['application/json']['roles'];

describe('end to end: from registration to endorsed', () => {
  const system = new TestSystem();
  // Every answer is checked against the committed contract, docs/openapi.json.
  const contract = new ResponseContract();
  let api: ApiClient;
  const staff: Record<string, { token: string; id: string }> = {};

  /** The next message of a template to an address, waiting for the worker to send it. */
  async function mailTo(address: string, template: string, nth = 1): Promise<ReceivedMail> {
    const mails = await waitFor(
      `${template} #${nth} to ${address}`,
      () => system.smtp.to(address).filter((m) => header(m, 'X-Template') === template),
      (m) => m.length >= nth,
    );
    return mails[nth - 1];
  }

  async function logIn(email: string): Promise<string> {
    const res = await api.POST('/api/v1/auth/login', { body: { email, password: PASSWORD } });
    expect(res.response.status).toBe(200);
    return ok(res).accessToken;
  }

  /** The body of a successful answer; on anything else, the answer itself shows in the failure. */
  function ok<T>(res: { data?: T; error?: unknown; response: Response }): T {
    expect({ success: res.response.ok, status: res.response.status, body: res.error }).toMatchObject({ success: true });
    return res.data as T;
  }

  /** The headers of a call made as the holder of `token`. */
  function as(token: string): { headers: { authorization: string } } {
    return { headers: { authorization: `Bearer ${token}` } };
  }

  async function versionOf(id: string, token = staff.coordinator.token): Promise<string> {
    return String(ok(await api.GET('/api/v1/staff/applications/{id}', { params: { path: { id } }, ...as(token) })).version);
  }

  async function stateOf(id: string): Promise<string> {
    return ok(await api.GET('/api/v1/staff/applications/{id}', { params: { path: { id } }, ...as(staff.coordinator.token) })).state;
  }

  /** A staff member invited by the administrator, joining through the link in the invitation email. */
  async function join(name: string, email: string, roles: StaffRoles): Promise<void> {
    ok(await api.POST('/api/v1/staff/invitations', { body: { email, fullName: name, roles }, ...as(staff.administrator.token) }));
    const { token } = accountLink(await mailTo(email, 'staff_invitation'), 'accept-invitation');
    expect((await api.POST('/api/v1/auth/invitations/accept', { body: { token, password: PASSWORD, fullName: name } })).response.status).toBeLessThan(300);
    const accessToken = await logIn(email);
    staff[roles[0] === 'reviewer' || roles[0] === 'exam_reviewer' ? email.split('@')[0] : roles[0]] = {
      token: accessToken,
      id: ok(await api.GET('/api/v1/auth/me', as(accessToken))).id,
    };
  }

  /** Registers, starts an application and fills in every portfolio section; returns the application. */
  async function apply(person: { name: string; email: string }, category: string, raters: RaterEntry[]): Promise<{ token: string; id: string }> {
    ok(await api.POST('/api/v1/auth/register', { body: { email: person.email, password: PASSWORD, fullName: person.name, associationCode: ASSOCIATION } }));
    const token = await logIn(person.email);
    const id = ok(await api.POST('/api/v1/applications', { body: { associationCode: ASSOCIATION, categoryCode: category }, ...as(token) })).id;
    const portfolio = eligiblePortfolio(framework.rulesSnapshot(ASSOCIATION, category), raters) as unknown as Record<string, unknown>;
    let gaps: unknown[] = [];
    for (const section of ['education', 'work', 'trainings', 'rsc', 'references', 'agreements', 'membership'] as const) {
      // Each section has its own path and body type; the fixture builds them all, so one call stands for the seven.
      const path = `/api/v1/applications/{id}/portfolio/${section}` as '/api/v1/applications/{id}/portfolio/education';
      gaps = ok(await api.PUT(path, { params: { path: { id } }, body: { [section]: portfolio[section] } as never, ...as(token) })).eligibilityGaps;
    }
    expect(gaps).toEqual([]);
    return { token, id };
  }

  /** The coordinator finds the submission in the queue, claims it and starts the reference checks. */
  async function beginReferenceChecks(id: string): Promise<void> {
    const queue = ok(await api.GET('/api/v1/staff/applications', { params: { query: { state: 'submitted' } }, ...as(staff.coordinator.token) })).items;
    expect(queue.map((row) => row.id)).toContain(id);
    ok(await api.POST('/api/v1/staff/applications/{id}/claim', { params: { path: { id } }, ...as(staff.coordinator.token) }));
    const version = await versionOf(id);
    ok(
      await api.POST('/api/v1/staff/applications/{id}/transitions', {
        params: { path: { id }, header: { 'If-Match': version } },
        body: { event: 'begin_reference_checks' },
        ...as(staff.coordinator.token),
      }),
    );
  }

  /** Each rater opens the link in their email and sends the form, as a browser without JavaScript would. */
  async function rate(raters: RaterEntry[]): Promise<void> {
    for (const rater of raters) {
      const link = raterLink(await mailTo(rater.email, 'reference_request'))!;
      const path = new URL(link).pathname;
      const page = await fetch(system.url(path));
      expect(page.status).toBe(200);
      const fields = new URLSearchParams(framework.ratingForm.items.map((item): [string, string] => [`item.${item.code}`, '4']));
      fields.set('comments', `A thoughtful practitioner, says ${rater.name}.`);
      const sent = await fetch(system.url(path), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
      expect(sent.status).toBe(200);
      expect((await fetch(system.url(path))).status).toBe(410); // used
    }
  }

  /** The coordinator seats two reviewers; both vote the same way. */
  async function panel(id: string, recommendation: 'endorse' | 'defer', notes?: string): Promise<void> {
    ok(
      await api.POST('/api/v1/staff/applications/{id}/panel', {
        params: { path: { id } },
        body: { reviewerIds: [staff.rhea.id, staff.ravi.id] },
        ...as(staff.coordinator.token),
      }),
    );
    for (const reviewer of ['rhea', 'ravi']) {
      const assigned = ok(await api.GET('/api/v1/reviews', as(staff[reviewer].token))).reviews;
      expect(assigned.map((r) => r.applicationId)).toContain(id);
      const checklist = Object.fromEntries(
        DOMAINS.map((code, i): [string, 'met' | 'not_met'] => [code, recommendation === 'defer' && i === 0 ? 'not_met' : 'met']),
      );
      ok(
        await api.POST('/api/v1/reviews/{applicationId}/vote', {
          params: { path: { applicationId: id } },
          body: { checklist, recommendation, ...(notes ? { notes } : {}) },
          ...as(staff[reviewer].token),
        }),
      );
    }
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1_000 } });
    api = createApiClient(system.url(''), { fetch: contract.fetch() });
    // The operator's bootstrap (npm run create-admin) made the association's first administrator.
    await seedAccount(system.ds, {
      email: 'ada.admin@mi-aimh.example',
      password: PASSWORD,
      roles: ['administrator'],
      associationCode: ASSOCIATION,
      fullName: 'Ada Admin',
    });
    const token = await logIn('ada.admin@mi-aimh.example');
    staff.administrator = { token, id: ok(await api.GET('/api/v1/auth/me', as(token))).id };
    await join('Cora Coordinator', 'cora@mi-aimh.example', ['coordinator']);
    await join('Rhea Reviewer', 'rhea@mi-aimh.example', ['reviewer']);
    await join('Ravi Reviewer', 'ravi@mi-aimh.example', ['reviewer']);
    await join('Elle Examiner', 'elle@mi-aimh.example', ['exam_reviewer']);
    await join('Emil Examiner', 'emil@mi-aimh.example', ['exam_reviewer']);
  });
  afterAll(() => system.stop());

  test('an Infant Family Associate: references, panel, endorsed and listed in the registry', async () => {
    const person = { name: 'Iris Associate', email: 'iris@family.example' };
    const raters: RaterEntry[] = [
      { name: 'Sam Supervisor', email: 'sam@raters.example', waived: true },
      { name: 'Vera Vetted', email: 'vera@raters.example', waived: false },
      { name: 'Cole Colleague', email: 'cole@raters.example', waived: false },
    ];
    const { token, id } = await apply(person, 'IFA', raters);

    ok(await api.POST('/api/v1/applications/{id}/submit', { params: { path: { id } }, body: {}, ...as(token) }));
    expect(readableBody(await mailTo(person.email, 'application_received'))).toContain('Infant Family Associate');

    await beginReferenceChecks(id);
    const requested = readableBody(await mailTo(person.email, 'references_requested'));
    for (const rater of raters) expect(requested).toContain(rater.name);
    // The applicant sees who has yet to answer, with the dates of the reminders.
    const pending = ok(await api.GET('/api/v1/applications/{id}/timeline', { params: { path: { id } }, ...as(token) })).pendingSteps;
    expect(pending.length).toBeGreaterThanOrEqual(raters.length);

    await rate(raters);
    await mailTo(person.email, 'references_complete');
    await waitFor(
      'panel review',
      () => stateOf(id),
      (s) => s === 'panel_review',
    );
    // The waived rater's form stays hidden from the applicant; the others are theirs to read.
    const mine = ok(await api.GET('/api/v1/applications/{id}', { params: { path: { id } }, ...as(token) })).references;
    expect(mine.find((r) => r.raterName === 'Sam Supervisor')!.rating).toBeUndefined();
    expect(mine.find((r) => r.raterName === 'Vera Vetted')!.rating).toBeTruthy();

    await panel(id, 'endorse');
    const endorsed = await mailTo(person.email, 'endorsed');
    const application = ok(await api.GET('/api/v1/applications/{id}', { params: { path: { id } }, ...as(token) }));
    expect(application).toMatchObject({ state: 'endorsed', endorsement: { number: expect.stringMatching(/\d/) } });
    expect(decodedHeader(endorsed, 'Subject')).toBe('MI-AIMH: Your Infant Family Associate Endorsement is approved');
    expect(readableBody(endorsed)).toContain(application.endorsement!.number);

    ok(await api.PUT('/api/v1/registry/listing/{applicationId}', { params: { path: { applicationId: id } }, body: { listed: true }, ...as(token) }));
    const registry = ok(await api.GET('/api/v1/registry', { params: { query: { association: ASSOCIATION } } })).items;
    expect(registry).toEqual([expect.objectContaining({ name: person.name, endorsementNumber: application.endorsement!.number, status: 'endorsed' })]);
    const events = ok(await api.GET('/api/v1/staff/applications/{id}/timeline', { params: { path: { id } }, ...as(staff.coordinator.token) })).events.map(
      (e) => e.event,
    );
    expect(events).toEqual(['submit', 'begin_reference_checks', 'complete_references', 'panel_endorse']);
  });

  test('an Infant Mental Health Specialist: exam, one deferral, then endorsed', async () => {
    const person = { name: 'Maya Specialist', email: 'maya@clinic.example' };
    const raters: RaterEntry[] = [
      { name: 'Sue Supervisor', email: 'sue@raters.example', waived: false },
      { name: 'Rory Reflective', email: 'rory@raters.example', waived: false },
      { name: 'Cleo Colleague', email: 'cleo@raters.example', waived: true },
    ];
    const { token, id } = await apply(person, 'IMHS', raters);
    ok(await api.POST('/api/v1/applications/{id}/submit', { params: { path: { id } }, body: {}, ...as(token) }));
    await beginReferenceChecks(id);
    await rate(raters);
    // With an exam ahead, the last rating does not move the application on by itself: staff approve the exam.
    await waitFor(
      'all references rated',
      async () =>
        ok(await api.GET('/api/v1/staff/applications/{id}', { params: { path: { id } }, ...as(staff.coordinator.token) })).references.map((r) => r.status),
      (s) => s.every((x) => x === 'rated'),
    );
    expect(await stateOf(id)).toBe('reference_checks');

    const sitsOn = nextSitting(framework.association(ASSOCIATION).exam.windows);
    const window = ok(
      await api.POST('/api/v1/staff/exam-windows', {
        body: { sitsOn, registrationClosesAt: `${sitsOn}T00:00:00Z`, online: true, capacity: 20 },
        ...as(staff.coordinator.token),
      }),
    );
    ok(
      await api.POST('/api/v1/staff/applications/{id}/exam-approval', {
        params: { path: { id }, header: { 'If-Match': await versionOf(id) } },
        body: {},
        ...as(staff.coordinator.token),
      }),
    );
    expect(readableBody(await mailTo(person.email, 'exam_approved'))).toMatch(/exam/i);
    const open = ok(await api.GET('/api/v1/exam-windows', as(token))).windows;
    expect(open.map((w) => w.id)).toContain(window.id);
    ok(await api.POST('/api/v1/applications/{id}/exam-registration', { params: { path: { id } }, body: { windowId: window.id }, ...as(token) }));

    // The sitting takes place (the database's calendar moves past it; the api reads today from it).
    await system.ds.query(`UPDATE exam_windows SET sits_on = current_date - 1, registration_closes_at = now() - interval '2 days' WHERE id = $1`, [window.id]);
    await system.ds.query(`UPDATE exam_attempts SET sat_on = current_date - 1 WHERE window_id = $1`, [window.id]);

    const papers = ok(await api.GET('/api/v1/exam/papers', as(staff.elle.token))).papers;
    expect(papers).toHaveLength(1);
    expect(JSON.stringify(papers)).not.toMatch(/Maya|maya@|Specialist Maya/);
    expect(JSON.stringify(papers)).not.toContain(id);
    const paperId = papers[0].paperId;
    const exam = framework.rules('IMHS', undefined, ASSOCIATION).exam!;
    const paper = { params: { path: { paperId } } };
    ok(await api.POST('/api/v1/exam/papers/{paperId}/part1', { ...paper, body: { percent: exam.part1.passPercent + 6 }, ...as(staff.elle.token) }));
    ok(await api.POST('/api/v1/exam/papers/{paperId}/part2-scores', { ...paper, body: { percent: 85 }, ...as(staff.elle.token) }));
    ok(await api.POST('/api/v1/exam/papers/{paperId}/part2-scores', { ...paper, body: { percent: 90 }, ...as(staff.emil.token) }));
    await mailTo(person.email, 'exam_passed');
    await waitFor(
      'panel review after the exam',
      () => stateOf(id),
      (s) => s === 'panel_review',
    );

    const amend = 'Please describe how reflective supervision shaped your work with one family.';
    await panel(id, 'defer', amend);
    const deferred = readableBody(await mailTo(person.email, 'deferred'));
    expect(deferred).toContain(amend);

    // The applicant amends the portfolio and resubmits; a new round with the same two reviewers endorses.
    const application = ok(await api.GET('/api/v1/applications/{id}', { params: { path: { id } }, ...as(token) }));
    const work = [
      ...(application.portfolio.work ?? []),
      { employer: 'Infant Mental Health Clinic', role: 'Clinician', startedOn: '2020-01-01', paid: true, infantFamilyWork: true, familiesServed: 35 },
    ];
    ok(await api.PUT('/api/v1/applications/{id}/portfolio/work', { params: { path: { id } }, body: { work }, ...as(token) }));
    ok(await api.POST('/api/v1/applications/{id}/submit', { params: { path: { id } }, body: {}, ...as(token) }));
    await mailTo(person.email, 'resubmission_received');
    await panel(id, 'endorse');
    const endorsed = readableBody(await mailTo(person.email, 'endorsed'));
    const final = ok(await api.GET('/api/v1/applications/{id}', { params: { path: { id } }, ...as(token) }));
    expect(final).toMatchObject({
      state: 'endorsed',
      endorsement: { number: expect.stringMatching(/\d/), renewalDueOn: expect.stringMatching(/^\d{4}-12-31$/) },
    });
    expect(endorsed).toContain(final.endorsement!.number);

    const events = ok(await api.GET('/api/v1/staff/applications/{id}/timeline', { params: { path: { id } }, ...as(staff.coordinator.token) })).events.map(
      (e) => e.event,
    );
    expect(events).toEqual(['submit', 'begin_reference_checks', 'approve_exam', 'pass_exam', 'panel_defer', 'resubmit', 'panel_endorse']);
  });
});

/** The 15th of the next month the association holds its exam in. */
function nextSitting(months: 'monthly' | readonly number[]): string {
  const today = new Date();
  for (let add = 1; add <= 24; add++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + add, 15));
    if (months === 'monthly' || months.includes(d.getUTCMonth() + 1)) return d.toISOString().slice(0, 10);
  }
  throw new Error('no month found');
}
