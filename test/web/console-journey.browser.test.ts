import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { caller, seedAccount } from '../api/auth-harness.js';
import { applicationState } from '../support/application-fixture.js';
import { scorePaper, sittingTookPlace } from '../support/exam-papers.js';
import { header, raterLink, readableBody, reviewLink } from '../support/mail-reading.js';
import { day, eligiblePortfolio, type RaterEntry } from '../support/portfolio-fixture.js';
import { voteToEndorse } from '../support/panel-votes.js';
import { Portals, type Portal } from '../support/portal.js';
import type { ReceivedMail } from '../support/smtp-sink.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const PASSWORD = 'a long passphrase for the console journey';
// MassAIMH holds the exam every month, so a sitting can be any number of days ahead.
const ASSOCIATION = 'MassAIMH';
const framework = loadFramework();

declare const document: { documentElement: { scrollWidth: number } };

/**
 * The console's whole journey, as issue 13 asks: a coordinator takes an Infant Mental Health
 * Specialist application from submitted to endorsed in the browser, and two exam reviewers and two
 * reviewers each sign in to their own pages in their own browser contexts. What the applicant and
 * the raters do goes through the API and the rater form (their pages are tested elsewhere); every
 * staff step is a click or a keystroke in Chromium, and every page visited passes axe.
 */
describe('the staff console in a real browser: an IMHS application from submitted to endorsed', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const portals = new Portals();
  const ids: Record<string, string> = {};
  let cora: Portal;
  let applicationId: string;
  let candidateCode: string;

  const raters: RaterEntry[] = [
    { name: 'Sue Supervisor', email: 'sue@raters.example', waived: false },
    // Rory's old workplace address no longer exists: the request bounces and the coordinator replaces it.
    { name: 'Rory Reflective', email: 'rory@old-clinic.example', waived: false },
    { name: 'Cleo Colleague', email: 'cleo@raters.example', waived: true },
  ];

  async function staff(name: string, fullName: string, roles: string[]): Promise<void> {
    ids[name] = await seedAccount(system.ds, { email: `${name}@massaimh.example`, password: PASSWORD, roles, associationCode: ASSOCIATION, fullName });
  }

  /** A fresh browser context for one person, who opens `path` (an email's link or a page) and signs in. */
  const signedIn = (name: string, path: string): Promise<Portal> =>
    portals.signedIn(system.url('/'), path, { email: `${name}@massaimh.example`, password: PASSWORD });

  /** The next message of a template to an address, once the worker has sent it. */
  async function mailTo(address: string, template: string): Promise<ReceivedMail> {
    const [mail] = await waitFor(
      `${template} to ${address}`,
      () => system.smtp.to(address).filter((m) => header(m, 'X-Template') === template),
      (m) => m.length > 0,
    );
    return mail;
  }

  /** A rater opens the link in their email and sends the form, as a browser without JavaScript would. */
  async function rate(address: string): Promise<void> {
    const path = new URL(raterLink(await mailTo(address, 'reference_request'))!).pathname;
    const fields = new URLSearchParams(framework.ratingForm.items.map((item): [string, string] => [`item.${item.code}`, '4']));
    fields.set('comments', 'A thoughtful practitioner.');
    const sent = await fetch(system.url(path), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
    expect(sent.status).toBe(200);
  }
  /** The state the summary of the application page shows. */
  const shownState = (portal: Portal, name: string) => portal.page.locator('.summary .badge').getByText(name, { exact: true }).waitFor();

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000, WRITE_THROTTLE_LIMIT: 10_000 } });
    system.smtp.rejected.add('rory@old-clinic.example');
    await staff('cora', 'Cora Coordinator', ['coordinator']);
    await staff('elle', 'Elle Examiner', ['exam_reviewer']);
    await staff('emil', 'Emil Examiner', ['exam_reviewer']);
    await staff('rhea', 'Rhea Reviewer', ['reviewer']);
    await staff('ravi', 'Ravi Reviewer', ['reviewer']);

    // The applicant applies and submits through the API.
    await seedAccount(system.ds, {
      email: 'maya@clinic.example',
      password: PASSWORD,
      roles: ['applicant'],
      associationCode: ASSOCIATION,
      fullName: 'Maya Specialist',
    });
    const maya = (await call('POST', '/api/v1/auth/login', { body: { email: 'maya@clinic.example', password: PASSWORD } })).body.accessToken as string;
    applicationId = (await call('POST', '/api/v1/applications', { token: maya, body: { associationCode: ASSOCIATION, categoryCode: 'IMHS' } })).body
      .id as string;
    const portfolio = eligiblePortfolio(framework.rulesSnapshot(ASSOCIATION, 'IMHS'), raters, ASSOCIATION) as unknown as Record<string, unknown>;
    for (const section of ['education', 'work', 'trainings', 'rsc', 'references', 'agreements', 'membership']) {
      const saved = await call('PUT', `/api/v1/applications/${applicationId}/portfolio/${section}`, { token: maya, body: { [section]: portfolio[section] } });
      expect(saved.status).toBe(200);
    }
    expect((await call('POST', `/api/v1/applications/${applicationId}/submit`, { token: maya })).body).toMatchObject({ state: 'submitted' });
  });

  afterAll(async () => {
    await portals.close();
    await system.stop();
  });

  afterEach(() => expect(portals.problems()).toEqual([]));

  test('the coordinator finds the submission in the queue, claims it and begins the reference checks', async () => {
    cora = await signedIn('cora', '/staff');
    await cora.onPage('Staff console');
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByRole('link', { name: 'Queues' }).click();
    await cora.onPage('Queues');
    await cora.page.getByRole('link', { name: /Submitted\s*1/ }).waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByRole('link', { name: /Maya Specialist/ }).click();
    await cora.onPage('Maya Specialist, IMHS');
    await shownState(cora, 'Submitted');
    expect(await cora.accessibilityViolations()).toEqual([]);

    await cora.page.locator('.summary').getByRole('button', { name: 'Claim' }).click();
    await cora.page.locator('.summary').getByText('You').waitFor();
    await cora.page.getByRole('button', { name: 'Begin reference checks' }).click();
    await shownState(cora, 'Reference checks');
    expect(await applicationState(system.ds, applicationId)).toBe('reference_checks');
    // Nothing is rated yet: the API says what each remaining step waits for.
    const blocked = cora.page.getByRole('list', { name: 'Steps not possible now' });
    await blocked.getByText(/^Mark references complete: not now, not every required reference has a valid rating yet/).waitFor();
    await blocked.getByText('Approve to sit the exam: not now, not every required reference has a valid rating yet.').waitFor();
    await mailTo('maya@clinic.example', 'references_requested');
  });

  test("a rater's request bounces; the coordinator sees it and gives the rater's new address, and the new request goes out", async () => {
    await waitFor(
      "Rory's bounced request",
      () => system.ds.query<{ status: string }[]>(`SELECT status FROM application_references WHERE rater_email = 'rory@old-clinic.example'`),
      (rows) => rows[0]?.status === 'bounced',
    );
    expect(readableBody(await mailTo('maya@clinic.example', 'rater_email_rejected'))).toContain('Rory Reflective');
    await cora.page.reload();
    await cora.onPage('Maya Specialist, IMHS');
    await cora.page.getByRole('row').filter({ hasText: 'rory@old-clinic.example' }).getByText('Not delivered').waitFor();
    const card = cora.page.locator('.card').filter({ hasText: 'Rory Reflective' });
    await card.getByText('The email to Rory Reflective was not delivered.').waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);
    // Readable on a phone: nothing wider than the screen.
    await cora.page.setViewportSize({ width: 360, height: 900 });
    expect(await cora.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await cora.page.setViewportSize({ width: 1024, height: 900 });

    // The applicant's own address is refused in plain words.
    await card.getByLabel('New email address for Rory Reflective').fill('maya@clinic.example');
    await card.getByRole('button', { name: 'Send the request to this address' }).click();
    await card.getByRole('alert').getByText('A reference must be someone else, with their own email address.').waitFor();

    // The keyboard alone: the address typed into its field, Enter sends the form.
    await card.getByLabel('New email address for Rory Reflective').fill('');
    await card.getByLabel('New email address for Rory Reflective').focus();
    await cora.page.keyboard.type('rory@new-clinic.example');
    await cora.page.keyboard.press('Enter');
    await cora.page.getByText('A new request is on its way to rory@new-clinic.example.').waitFor();
    await cora.page.locator('.card').filter({ hasText: 'rory@new-clinic.example' }).getByText('counts').waitFor();
    await cora.page.getByText('Cora Coordinator gave a new address to the rater Rory Reflective').waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);
    await mailTo('rory@new-clinic.example', 'reference_request');
  });

  test('the raters answer; the coordinator records a vetting call, and the API offers the exam instead of the panel', async () => {
    for (const address of ['sue@raters.example', 'rory@new-clinic.example', 'cleo@raters.example']) await rate(address);
    await waitFor(
      'three ratings',
      () =>
        system.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM application_references WHERE application_id = $1 AND status = 'rated'`, [
          applicationId,
        ]),
      (r) => r[0].n === 3,
    );

    await cora.page.reload();
    await cora.onPage('Maya Specialist, IMHS');
    const card = cora.page.locator('.card').filter({ hasText: 'Cleo Colleague' });
    // Sent without saying how the call went: the API's answer is shown beside the choice.
    await card.getByRole('button', { name: 'Record the call' }).click();
    await card.getByText('choose how the call went').waitFor();
    await card.getByRole('button', { name: /Vetting call to Cleo Colleague/ }).click();
    await cora.page.getByRole('option', { name: 'Reached: the rater is vetted' }).click();
    await card.getByLabel('Notes on the call').fill('Worked beside Maya for three years.');
    await card.getByRole('button', { name: 'Record the call' }).click();
    await card.getByText(/: vetted\. Worked beside Maya for three years\./).waitFor();

    await cora.page.getByText('Mark references complete: not now, the category requires the exam; approve the applicant to sit it instead.').waitFor();
    expect(await cora.page.getByRole('button', { name: 'Mark references complete' }).count()).toBe(0);
    await cora.page.getByRole('button', { name: 'Approve to sit the exam' }).waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);
  });

  test('the coordinator offers a sitting, then approves Maya for it from her application: a seat and a candidate code', async () => {
    await cora.goto('/staff/exam');
    await cora.onPage('Exam');
    await cora.page.getByLabel('Date of the sitting').fill(day(30));
    await cora.page.getByLabel('Registration closes at the end of').fill(day(20));
    await cora.page.getByLabel('Place (for an in-person sitting)').fill('Boston');
    await cora.page.getByLabel('Seats').fill('12');
    await cora.page.getByRole('button', { name: 'Offer this sitting' }).click();
    await cora.page.getByRole('cell', { name: '0 of 12 seats' }).waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);

    await cora.goto(`/staff/applications/${applicationId}`);
    await cora.onPage('Maya Specialist, IMHS');
    await cora.page.getByRole('button', { name: /Sitting for Maya Specialist/ }).click();
    await cora.page.getByRole('option', { name: /12 seats left/ }).click();
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByRole('button', { name: 'Approve to sit the exam' }).click();
    const booked = (await cora.page.getByText('Maya Specialist is approved to sit the exam').textContent())!.trim();
    candidateCode = /candidate code (\S+?)\.$/.exec(booked)![1]!;
    await shownState(cora, 'Exam');
    expect(await applicationState(system.ds, applicationId)).toBe('exam');
    await cora.page.getByText('Cora Coordinator: Approve to sit the exam (Reference checks → Exam)').waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);
    expect(readableBody(await mailTo('maya@clinic.example', 'exam_approved'))).toMatch(/exam/i);
  });

  test('the sitting takes place; two exam reviewers each sign in and score the paper by its candidate code', async () => {
    await sittingTookPlace(system.ds, applicationId);
    await scorePaper(await signedIn('elle', '/staff/exam/papers'), { candidateCode, candidateName: 'Maya', scoresIn: 0, part1: 88, part2: 85 });
    await scorePaper(await signedIn('emil', '/staff/exam/papers'), { candidateCode, candidateName: 'Maya', scoresIn: 1, part2: 90 });
    expect(await applicationState(system.ds, applicationId)).toBe('panel_review');
    await mailTo('maya@clinic.example', 'exam_passed');
  });

  test('the coordinator seats two reviewers; each opens the link in their email, signs in and votes; Maya is endorsed', async () => {
    await cora.goto(`/staff/applications/${applicationId}`);
    await shownState(cora, 'Panel review');
    await cora.page.getByRole('button', { name: /First reviewer/ }).click();
    await cora.page.getByRole('option', { name: 'Rhea Reviewer' }).click();
    await cora.page.getByRole('button', { name: /Second reviewer/ }).click();
    await cora.page.getByRole('option', { name: 'Ravi Reviewer' }).click();
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByRole('button', { name: 'Seat these reviewers' }).click();
    await cora.page.getByText('Round 1: Ravi Reviewer and Rhea Reviewer. 0 of 2 votes in.').waitFor();

    const votes = [
      ['rhea', 'A thorough portfolio.', 'The application moves on when the second reviewer has voted'],
      ['ravi', 'Agreed.', 'Both reviewers recommend endorsement'],
    ] as const;
    for (const [name, notes, answer] of votes) {
      const reviewer = await signedIn(name, reviewLink(await mailTo(`${name}@massaimh.example`, 'panel_assigned')));
      await voteToEndorse(reviewer, { applicantName: 'Maya Specialist', domains: framework.competencyDomains, notes, answer });
    }
    expect(await applicationState(system.ds, applicationId)).toBe('endorsed');

    const [{ endorsement_number: number }] = await system.ds.query<{ endorsement_number: string }[]>(
      `SELECT endorsement_number FROM applications WHERE id = $1`,
      [applicationId],
    );
    expect(readableBody(await mailTo('maya@clinic.example', 'endorsed'))).toContain(number);

    await cora.page.reload();
    await cora.onPage('Maya Specialist, IMHS');
    await shownState(cora, 'Endorsed');
    await cora.page.getByText(/Endorse \(Panel review → Endorsed\)/).waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);
    const events = await system.ds.query<{ event: string; actor_role: string }[]>(
      `SELECT event, actor_role FROM application_events WHERE application_id = $1 ORDER BY version`,
      [applicationId],
    );
    expect(events.map((e) => e.event)).toEqual(['submit', 'begin_reference_checks', 'approve_exam', 'pass_exam', 'panel_endorse']);
  });
});
