import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { caller, seedAccount, type Reply } from '../api/auth-harness.js';
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
 * by the email it sends.
 */

const PASSWORD = 'journeys are long and so is this passphrase';
const ASSOCIATION = 'MI-AIMH';
const framework = loadFramework();
const DOMAINS = framework.competencyDomains.map((d) => d.code);

describe('end to end: from registration to endorsed', () => {
  const system = new TestSystem();
  // Every answer is checked against the committed contract, docs/openapi.json.
  const call = new ResponseContract().wrap(caller(() => system.api!));
  const staff: Record<string, { token: string; id: string }> = {};

  /** The next message of a template to an address, waiting for the worker to send it. */
  async function mailTo(address: string, template: string, nth = 1): Promise<ReceivedMail> {
    const mails = await waitFor(`${template} #${nth} to ${address}`, () => system.smtp.to(address).filter((m) => header(m, 'X-Template') === template), (m) => m.length >= nth);
    return mails[nth - 1];
  }

  async function logIn(email: string): Promise<string> {
    const res = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }

  /** The body of a successful answer; on anything else, the answer itself shows in the failure. */
  function ok(res: Reply): Reply['body'] {
    expect({ success: res.status >= 200 && res.status < 300, status: res.status, body: res.body }).toMatchObject({ success: true });
    return res.body;
  }

  async function versionOf(id: string, token = staff.coordinator.token): Promise<string> {
    return String(ok(await call('GET', `/staff/applications/${id}`, { token })).version);
  }

  async function stateOf(id: string): Promise<string> {
    return (ok(await call('GET', `/staff/applications/${id}`, { token: staff.coordinator.token })).state as string);
  }

  /** A staff member invited by the administrator, joining through the link in the invitation email. */
  async function join(name: string, email: string, roles: string[]): Promise<void> {
    ok(await call('POST', '/staff/invitations', { token: staff.administrator.token, body: { email, fullName: name, roles } }));
    const { token } = accountLink(await mailTo(email, 'staff_invitation'), 'accept-invitation');
    expect((await call('POST', '/auth/invitations/accept', { body: { token, password: PASSWORD, fullName: name } })).status).toBeLessThan(300);
    const accessToken = await logIn(email);
    staff[roles[0] === 'reviewer' || roles[0] === 'exam_reviewer' ? email.split('@')[0] : roles[0]] = { token: accessToken, id: ok(await call('GET', '/auth/me', { token: accessToken })).id as string };
  }

  /** Registers, starts an application and fills in every portfolio section; returns the application. */
  async function apply(person: { name: string; email: string }, category: string, raters: RaterEntry[]): Promise<{ token: string; id: string }> {
    ok(await call('POST', '/auth/register', { body: { email: person.email, password: PASSWORD, fullName: person.name, associationCode: ASSOCIATION } }));
    const token = await logIn(person.email);
    const id = ok(await call('POST', '/applications', { token, body: { associationCode: ASSOCIATION, categoryCode: category } })).id as string;
    const portfolio = eligiblePortfolio(framework.rulesSnapshot(ASSOCIATION, category), raters) as unknown as Record<string, unknown>;
    let gaps: unknown[] = [];
    for (const section of ['education', 'work', 'trainings', 'rsc', 'references', 'agreements', 'membership']) {
      gaps = ok(await call('PUT', `/applications/${id}/portfolio/${section}`, { token, body: { [section]: portfolio[section] } })).eligibilityGaps as unknown[];
    }
    expect(gaps).toEqual([]);
    return { token, id };
  }

  /** The coordinator finds the submission in the queue, claims it and starts the reference checks. */
  async function beginReferenceChecks(id: string): Promise<void> {
    const queue = ok(await call('GET', '/staff/applications?state=submitted', { token: staff.coordinator.token })).items as { id: string }[];
    expect(queue.map((row) => row.id)).toContain(id);
    ok(await call('POST', `/staff/applications/${id}/claim`, { token: staff.coordinator.token }));
    const version = await versionOf(id);
    ok(await call('POST', `/staff/applications/${id}/transitions`, { token: staff.coordinator.token, body: { event: 'begin_reference_checks' }, headers: { 'if-match': version } }));
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
    ok(await call('POST', `/staff/applications/${id}/panel`, { token: staff.coordinator.token, body: { reviewerIds: [staff.rhea.id, staff.ravi.id] } }));
    for (const reviewer of ['rhea', 'ravi']) {
      const assigned = ok(await call('GET', '/reviews', { token: staff[reviewer].token })).reviews as { applicationId: string }[];
      expect(assigned.map((r) => r.applicationId)).toContain(id);
      const checklist = Object.fromEntries(DOMAINS.map((code, i) => [code, recommendation === 'defer' && i === 0 ? 'not_met' : 'met']));
      ok(await call('POST', `/reviews/${id}/vote`, { token: staff[reviewer].token, body: { checklist, recommendation, ...(notes ? { notes } : {}) } }));
    }
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1_000 } });
    // The operator's bootstrap (npm run create-admin) made the association's first administrator.
    await seedAccount(system.ds, { email: 'ada.admin@mi-aimh.example', password: PASSWORD, roles: ['administrator'], associationCode: ASSOCIATION, fullName: 'Ada Admin' });
    const token = await logIn('ada.admin@mi-aimh.example');
    staff.administrator = { token, id: ok(await call('GET', '/auth/me', { token })).id as string };
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

    ok(await call('POST', `/applications/${id}/submit`, { token }));
    expect(readableBody(await mailTo(person.email, 'application_received'))).toContain('Infant Family Associate');

    await beginReferenceChecks(id);
    const requested = readableBody(await mailTo(person.email, 'references_requested'));
    for (const rater of raters) expect(requested).toContain(rater.name);
    // The applicant sees who has yet to answer, with the dates of the reminders.
    const pending = ok(await call('GET', `/applications/${id}/timeline`, { token })).pendingSteps as unknown[];
    expect(pending.length).toBeGreaterThanOrEqual(raters.length);

    await rate(raters);
    await mailTo(person.email, 'references_complete');
    await waitFor('panel review', () => stateOf(id), (s) => s === 'panel_review');
    // The waived rater's form stays hidden from the applicant; the others are theirs to read.
    const mine = ok(await call('GET', `/applications/${id}`, { token })).references as { raterName: string; rating?: unknown }[];
    expect(mine.find((r) => r.raterName === 'Sam Supervisor')!.rating).toBeUndefined();
    expect(mine.find((r) => r.raterName === 'Vera Vetted')!.rating).toBeTruthy();

    await panel(id, 'endorse');
    const endorsed = await mailTo(person.email, 'endorsed');
    const application = ok(await call('GET', `/applications/${id}`, { token })) as { state: string; endorsement: { number: string } };
    expect(application).toMatchObject({ state: 'endorsed', endorsement: { number: expect.stringMatching(/\d/) } });
    expect(decodedHeader(endorsed, 'Subject')).toBe('MI-AIMH: Your Infant Family Associate Endorsement is approved');
    expect(readableBody(endorsed)).toContain(application.endorsement.number);

    ok(await call('PUT', `/registry/listing/${id}`, { token, body: { listed: true } }));
    const registry = ok(await call('GET', `/registry?association=${ASSOCIATION}`)).items as Record<string, unknown>[];
    expect(registry).toEqual([expect.objectContaining({ name: person.name, endorsementNumber: application.endorsement.number, status: 'endorsed' })]);
    const events = (ok(await call('GET', `/staff/applications/${id}/timeline`, { token: staff.coordinator.token })).events as { event: string }[]).map((e) => e.event);
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
    ok(await call('POST', `/applications/${id}/submit`, { token }));
    await beginReferenceChecks(id);
    await rate(raters);
    // With an exam ahead, the last rating does not move the application on by itself: staff approve the exam.
    await waitFor('all references rated', async () => (ok(await call('GET', `/staff/applications/${id}`, { token: staff.coordinator.token })).references as { status: string }[]).map((r) => r.status), (s) => s.every((x) => x === 'rated'));
    expect(await stateOf(id)).toBe('reference_checks');

    const sitsOn = nextSitting(framework.association(ASSOCIATION).exam.windows);
    const window = ok(
      await call('POST', '/staff/exam-windows', { token: staff.coordinator.token, body: { sitsOn, registrationClosesAt: `${sitsOn}T00:00:00Z`, online: true, capacity: 20 } }),
    );
    ok(await call('POST', `/staff/applications/${id}/exam-approval`, { token: staff.coordinator.token, body: {}, headers: { 'if-match': await versionOf(id) } }));
    expect(readableBody(await mailTo(person.email, 'exam_approved'))).toMatch(/exam/i);
    const open = ok(await call('GET', '/exam-windows', { token })).windows as { id: string }[];
    expect(open.map((w) => w.id)).toContain(window.id);
    ok(await call('POST', `/applications/${id}/exam-registration`, { token, body: { windowId: window.id } }));

    // The sitting takes place (the database's calendar moves past it; the api reads today from it).
    await system.ds.query(`UPDATE exam_windows SET sits_on = current_date - 1, registration_closes_at = now() - interval '2 days' WHERE id = $1`, [window.id]);
    await system.ds.query(`UPDATE exam_attempts SET sat_on = current_date - 1 WHERE window_id = $1`, [window.id]);

    const papers = ok(await call('GET', '/exam/papers', { token: staff.elle.token })).papers as Record<string, unknown>[];
    expect(papers).toHaveLength(1);
    expect(JSON.stringify(papers)).not.toMatch(/Maya|maya@|Specialist Maya/);
    expect(JSON.stringify(papers)).not.toContain(id);
    const paperId = papers[0].paperId as string;
    const exam = framework.rules('IMHS', undefined, ASSOCIATION).exam!;
    ok(await call('POST', `/exam/papers/${paperId}/part1`, { token: staff.elle.token, body: { percent: exam.part1.passPercent + 6 } }));
    ok(await call('POST', `/exam/papers/${paperId}/part2-scores`, { token: staff.elle.token, body: { percent: 85 } }));
    ok(await call('POST', `/exam/papers/${paperId}/part2-scores`, { token: staff.emil.token, body: { percent: 90 } }));
    await mailTo(person.email, 'exam_passed');
    await waitFor('panel review after the exam', () => stateOf(id), (s) => s === 'panel_review');

    const amend = 'Please describe how reflective supervision shaped your work with one family.';
    await panel(id, 'defer', amend);
    const deferred = readableBody(await mailTo(person.email, 'deferred'));
    expect(deferred).toContain(amend);

    // The applicant amends the portfolio and resubmits; a new round with the same two reviewers endorses.
    const application = ok(await call('GET', `/applications/${id}`, { token }));
    const work = [...(application.portfolio as { work: unknown[] }).work, { employer: 'Infant Mental Health Clinic', role: 'Clinician', startedOn: '2020-01-01', paid: true, infantFamilyWork: true, familiesServed: 35 }];
    ok(await call('PUT', `/applications/${id}/portfolio/work`, { token, body: { work } }));
    ok(await call('POST', `/applications/${id}/submit`, { token }));
    await mailTo(person.email, 'resubmission_received');
    await panel(id, 'endorse');
    const endorsed = readableBody(await mailTo(person.email, 'endorsed'));
    const final = ok(await call('GET', `/applications/${id}`, { token })) as { endorsement: { number: string } };
    expect(final).toMatchObject({ state: 'endorsed', endorsement: { number: expect.stringMatching(/\d/), renewalDueOn: expect.stringMatching(/^\d{4}-12-31$/) } });
    expect(endorsed).toContain(final.endorsement.number);

    const events = (ok(await call('GET', `/staff/applications/${id}/timeline`, { token: staff.coordinator.token })).events as { event: string }[]).map((e) => e.event);
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
