import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { caller, seedAccount } from '../api/auth-harness.js';
import { applicationState, insertApplication } from '../support/application-fixture.js';
import { scorePaper, sittingTookPlace } from '../support/exam-papers.js';
import { reviewLink } from '../support/mail-reading.js';
import { day } from '../support/portfolio-fixture.js';
import { voteToEndorse } from '../support/panel-votes.js';
import { Portals, type Portal } from '../support/portal.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const PASSWORD = 'a long staff passphrase';
// MassAIMH holds the exam every month, so a sitting can be any number of days ahead.
const ASSOCIATION = 'MassAIMH';
const framework = loadFramework();

interface Node {
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): Node | null;
}
declare const document: { activeElement: Node | null; getElementById(id: string): Node | null };

describe('staff pages in a real browser: reviewers vote, exam reviewers score blind, a coordinator and an administrator run the association', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const portals = new Portals();
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  async function staff(name: string, fullName: string, roles: string[]): Promise<void> {
    const email = `${name}@massaimh.example`;
    ids[name] = await seedAccount(system.ds, { email, password: PASSWORD, roles, associationCode: ASSOCIATION, fullName });
    tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }

  /** A fresh browser context for one person, who opens `path` (an email's link or a page) and signs in. */
  const signedIn = (name: string, path: string): Promise<Portal> =>
    portals.signedIn(system.url('/'), path, { email: `${name}@massaimh.example`, password: PASSWORD }, { width: 360 });

  /** An application whose references are all rated, waiting in reference checks. */
  async function referencesRated(category: string, fullName: string): Promise<string> {
    const id = await insertApplication(system.ds, framework, { state: 'reference_checks', association: ASSOCIATION, category });
    await system.ds.query(`UPDATE people SET full_name = $2 FROM applications a WHERE a.id = $1 AND people.id = a.applicant_id`, [id, fullName]);
    for (const role of framework.rules(category, undefined, ASSOCIATION).references.roles) {
      await system.ds.query(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rating, rated_at, created_at)
         VALUES ($1, $2, 'Rita Rater', 'rita@rater.example', true, 'rated', '{}', now(), now())`,
        [id, role.code],
      );
    }
    return id;
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    await staff('ada', 'Ada Administrator', ['administrator']);
    await staff('cora', 'Cora Coordinator', ['coordinator']);
    await staff('rhea', 'Rhea Reviewer', ['reviewer']);
    await staff('ravi', 'Ravi Reviewer', ['reviewer']);
    await staff('elle', 'Elle Examiner', ['exam_reviewer']);
    await staff('emil', 'Emil Examiner', ['exam_reviewer']);
  });

  afterAll(async () => {
    await portals.close();
    await system.stop();
  });

  afterEach(() => expect(portals.problems()).toEqual([]));

  test('two reviewers open the link in their email, sign in and vote; the second one by keyboard alone; the application is endorsed', async () => {
    const id = await referencesRated('IFA', 'Iris Associate');
    await system.worker.get(TransitionApplication).execute({ applicationId: id, event: 'complete_references', actor: { id: null, role: 'system' } });
    expect((await call('POST', `/api/v1/staff/applications/${id}/panel`, { token: tokens.cora, body: { reviewerIds: [ids.rhea, ids.ravi] } })).status).toBe(
      200,
    );
    const linkIn = async (name: string) => {
      const [mail] = await waitFor(
        `${name}'s panel email`,
        () => system.smtp.to(`${name}@massaimh.example`),
        (m) => m.length > 0,
      );
      return reviewLink(mail);
    };

    const rhea = await signedIn('rhea', await linkIn('rhea'));
    await voteToEndorse(rhea, {
      applicantName: 'Iris Associate',
      domains: framework.competencyDomains,
      notes: 'A thorough portfolio.',
      answer: 'The application moves on when the second reviewer has voted',
    });
    await rhea.goto('/reviews');
    await rhea.onPage('My reviews');
    expect(await rhea.accessibilityViolations()).toEqual([]);

    // Ravi uses the keyboard only: Tab to the checklist, Space to choose, Enter to send.
    const ravi = await signedIn('ravi', await linkIn('ravi'));
    await ravi.onPage('Review a portfolio');
    const keys = ravi.page.keyboard;
    for (let tabs = 0; (await ravi.page.evaluate(() => document.activeElement?.getAttribute('type'))) !== 'radio'; tabs++) {
      expect(tabs).toBeLessThan(30);
      await keys.press('Tab');
    }
    for (const domain of framework.competencyDomains) {
      expect(
        await ravi.page.evaluate(
          () => document.getElementById(document.activeElement?.closest('[role=radiogroup]')?.getAttribute('aria-labelledby') ?? '')?.textContent,
        ),
      ).toBe(domain.label);
      await keys.press('Space');
      await keys.press('Tab');
    }
    await keys.press('Space'); // Endorse, the first recommendation
    await keys.press('Tab');
    await keys.type('Agreed.');
    await keys.press('Tab');
    expect(await ravi.focused()).toEqual({ tag: 'BUTTON', text: 'Cast my vote' });
    await keys.press('Enter');
    await ravi.page.getByText('Both reviewers recommend endorsement').waitFor();
    expect(await applicationState(system.ds, id)).toBe('endorsed');
    const votes = await system.ds.query<{ recommendation: string; checklist: Record<string, string>; notes: string }[]>(
      `SELECT recommendation, checklist, notes FROM panel_votes WHERE application_id = $1 ORDER BY created_at`,
      [id],
    );
    const allMet = Object.fromEntries(framework.competencyDomains.map((d) => [d.code, 'met']));
    expect(votes).toEqual([
      { recommendation: 'endorse', checklist: allMet, notes: 'A thorough portfolio.' },
      { recommendation: 'endorse', checklist: allMet, notes: 'Agreed.' },
    ]);
  });

  let candidateCode: string;
  let examApplication: string;

  test('a coordinator offers an exam sitting and approves an applicant for it, seat booked', async () => {
    examApplication = await referencesRated('IMHS', 'Maya Specialist');
    const cora = await signedIn('cora', '/staff/exam');
    await cora.onPage('Exam');
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByLabel('Date of the sitting').fill(day(30));
    await cora.page.getByLabel('Registration closes at the end of').fill(day(20));
    await cora.page.getByLabel('Place (for an in-person sitting)').fill('Boston');
    await cora.page.getByLabel('Seats').fill('12');
    await cora.page.getByRole('button', { name: 'Offer this sitting' }).click();
    await cora.page.getByText('approved applicants can register').waitFor();
    await cora.page.getByRole('cell', { name: '0 of 12 seats' }).waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);

    await cora.page.getByRole('link', { name: 'Approve applicants to sit the exam' }).click();
    await cora.onPage('Approve for the exam');
    await cora.page.getByRole('button', { name: /Sitting for Maya Specialist/ }).click();
    await cora.page.getByRole('option', { name: /11 seats left|12 seats left/ }).click();
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByRole('button', { name: 'Approve for the exam: Maya Specialist' }).click();
    const booked = await cora.page.getByText('Maya Specialist is approved to sit the exam').textContent();
    candidateCode = /candidate code (\S+?)\.$/.exec(booked!.trim())![1];
    expect(await applicationState(system.ds, examApplication)).toBe('exam');

    await cora.goto('/staff/exam');
    await cora.page.getByRole('cell', { name: '1 of 12 seats' }).waitFor();
  });

  test('two exam reviewers each sign in and score the paper by candidate code, never seeing the name', async () => {
    await sittingTookPlace(system.ds, examApplication);
    await scorePaper(await signedIn('elle', '/staff/exam/papers'), { candidateCode, candidateName: 'Maya', scoresIn: 0, part1: 88, part2: 85 });
    await scorePaper(await signedIn('emil', '/staff/exam/papers'), { candidateCode, candidateName: 'Maya', scoresIn: 1, part2: 90 });
    expect(await applicationState(system.ds, examApplication)).toBe('panel_review');
  });

  test('a coordinator approves continuing-education hours, rejects others with a reason, and sees the renewal outlook', async () => {
    await seedAccount(system.ds, {
      email: 'eve@family.example',
      password: PASSWORD,
      roles: ['applicant'],
      associationCode: ASSOCIATION,
      fullName: 'Eve Endorsee',
    });
    const eve = (await call('POST', '/api/v1/auth/login', { body: { email: 'eve@family.example', password: PASSWORD } })).body.accessToken as string;
    const created = await call('POST', '/api/v1/applications', { token: eve, body: { associationCode: ASSOCIATION, categoryCode: 'IFS' } });
    await system.ds.query(
      `UPDATE applications SET state = 'endorsed', endorsement_number = 'MA-0001', endorsed_at = now() - interval '800 days', renewal_due_on = $2 WHERE id = $1`,
      [created.body.id, day(60)],
    );
    const entry = (title: string) => ({
      kind: 'training',
      title,
      provider: 'MassAIMH',
      completedOn: day(-20),
      hours: 3,
      competencyAreas: ['observation_listening'],
    });
    expect((await call('POST', '/api/v1/continuing-education', { token: eve, body: entry('Attachment in practice') })).status).toBe(201);
    expect((await call('POST', '/api/v1/continuing-education', { token: eve, body: entry('A lunch talk') })).status).toBe(201);

    const cora = await signedIn('cora', '/staff/continuing-education');
    await cora.onPage('Continuing education and renewals');
    await cora.page.getByRole('heading', { name: 'Renewal outlook' }).waitFor();
    await cora.page.getByText('Renewals opening').waitFor();
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByRole('button', { name: 'Approve Eve Endorsee: Attachment in practice' }).click();
    await cora.page.getByRole('heading', { name: 'Eve Endorsee: Attachment in practice' }).waitFor({ state: 'detached' });
    await cora.page.getByRole('button', { name: 'Reject Eve Endorsee: A lunch talk' }).click();
    await cora.page.getByLabel(/Why these hours do not count/).fill('A lunch talk is not relationship-based training.');
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByRole('button', { name: 'Reject these hours' }).click();
    await cora.page.getByText('No entry is waiting for approval.').waitFor();
    const rows = await system.ds.query<{ title: string; status: string; review_note: string | null }[]>(
      `SELECT title, status, review_note FROM ce_entries ORDER BY title`,
    );
    expect(rows).toEqual([
      { title: 'A lunch talk', status: 'rejected', review_note: 'A lunch talk is not relationship-based training.' },
      { title: 'Attachment in practice', status: 'approved', review_note: null },
    ]);
  });

  test("an administrator invites a staff member, changes a reviewer's roles and reads the rules; an Alliance administrator finds the queue dashboard", async () => {
    const ada = await signedIn('ada', '/staff/admin');
    await ada.onPage('Administration');
    await ada.page.getByRole('heading', { name: 'Rhea Reviewer' }).waitFor();
    await ada.page.getByRole('heading', { name: 'Infant Mental Health Specialist' }).waitFor();
    expect(await ada.accessibilityViolations()).toEqual([]);

    await ada.page.getByLabel('Their full name').fill('Nell Newcomer');
    await ada.page.getByLabel('Their email address').fill('nell@massaimh.example');
    await ada.page.getByRole('group', { name: 'Their roles' }).getByText('Reviewer', { exact: true }).click();
    await ada.page.getByRole('button', { name: 'Send the invitation' }).click();
    await ada.page.getByText('The invitation is sent').waitFor();
    await ada.page.getByRole('heading', { name: 'Nell Newcomer' }).waitFor();
    await waitFor(
      'the invitation email',
      () => system.smtp.to('nell@massaimh.example'),
      (m) => m.length === 1,
    );

    await ada.page.getByRole('group', { name: 'Roles of Rhea Reviewer' }).getByText('Exam reviewer', { exact: true }).click();
    await ada.page.getByRole('button', { name: 'Save roles of Rhea Reviewer' }).click();
    await ada.page.getByText('The new roles apply the next time Rhea Reviewer signs in').waitFor();
    const roles = await system.ds.query<{ email: string; roles: string[] }[]>(
      `SELECT email, roles FROM accounts WHERE email IN ('rhea@massaimh.example', 'nell@massaimh.example') ORDER BY email`,
    );
    expect(roles).toEqual([
      { email: 'nell@massaimh.example', roles: ['reviewer'] },
      { email: 'rhea@massaimh.example', roles: ['exam_reviewer', 'reviewer'] },
    ]);

    await seedAccount(system.ds, {
      email: 'alliance@massaimh.example',
      password: PASSWORD,
      roles: ['administrator'],
      associationCode: null,
      fullName: 'Al Alliance',
    });
    const al = await signedIn('alliance', '/staff/admin');
    await al.onPage('Administration');
    expect(await al.page.getByRole('link', { name: 'Open the queue dashboard' }).getAttribute('href')).toBe('/admin/queues');
    await al.page.getByLabel('Association code').fill(ASSOCIATION);
    await al.page.getByRole('button', { name: 'Show this association' }).click();
    await al.page.getByRole('heading', { name: 'Ada Administrator' }).waitFor();
    expect(await al.accessibilityViolations()).toEqual([]);
  });
});
