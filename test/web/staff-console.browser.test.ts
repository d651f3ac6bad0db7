import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { caller, seedAccount } from '../api/auth-harness.js';
import { applicationState, insertApplication } from '../support/application-fixture.js';
import { header, readableBody } from '../support/mail-reading.js';
import { seedSubmitted } from '../support/pipeline-fixture.js';
import { Portals, type Portal } from '../support/portal.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

declare const document: { documentElement: { scrollWidth: number } };

const PASSWORD = 'a long passphrase for staff';
const framework = loadFramework();
const allMet = Object.fromEntries(framework.competencyDomains.map((d) => [d.code, 'met']));

describe('the staff console in a real browser: queues, an application worked through to its panel, conflicts', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const ids: Record<string, string> = {};
  const portals = new Portals();
  let coordinator: Portal;

  async function staff(name: string, roles: string[], fullName: string) {
    ids[name] = await seedAccount(system.ds, { email: `${name}@staff.example.org`, password: PASSWORD, roles, associationCode: 'MI-AIMH', fullName });
  }
  const signedIn = (name: string, path: string, width = 1024): Promise<Portal> =>
    portals.signedIn(system.url('/'), path, { email: `${name}@staff.example.org`, password: PASSWORD }, { width });
  const token = async (name: string) =>
    (await call('POST', '/api/v1/auth/login', { body: { email: `${name}@staff.example.org`, password: PASSWORD } })).body.accessToken as string;

  /** A submitted IFA application whose three references are already rated (one rater still to vet). */
  async function submittedWithRatings(name: string): Promise<string> {
    const id = await insertApplication(system.ds, framework, { state: 'submitted' });
    await system.ds.query(`UPDATE people SET full_name = $2 WHERE id = (SELECT applicant_id FROM applications WHERE id = $1)`, [id, name]);
    for (const role of framework.rulesSnapshot('MI-AIMH', 'IFA').rules.references.roles) {
      await system.ds.query(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rating, rated_at, created_at)
         VALUES ($1, $2, $3, $4, true, 'rated', '{"answers":{}}', now(), now())`,
        [id, role.code, `Rater ${role.code}`, `${role.code}@rater.example`],
      );
    }
    return id;
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000, WRITE_THROTTLE_LIMIT: 10_000 } });
    await staff('cora', ['coordinator'], 'Cora Coordinator');
    await staff('colin', ['coordinator'], 'Colin Coordinator');
    await staff('ada', ['administrator'], 'Ada Administrator');
    await staff('rhea', ['reviewer'], 'Rhea Reviewer');
    await staff('ravi', ['reviewer'], 'Ravi Reviewer');
    // A queue longer than a page: 60 waiting today, 3 waiting 12 days, one with an email that bounced.
    const today = await seedSubmitted(system.ds, 60, 'queue');
    const old = await seedSubmitted(system.ds, 3, 'old');
    await system.ds.query(`UPDATE applications SET state_changed_at = now() - interval '12 days' WHERE id = ANY($1::uuid[])`, [old]);
    await system.ds.query(`UPDATE people SET full_name = 'Olga Oldest' WHERE id = (SELECT applicant_id FROM applications WHERE id = $1)`, [old[0]]);
    await system.ds.query(`UPDATE applications SET state_changed_at = now() - interval '13 days' WHERE id = $1`, [old[0]]);
    await system.ds.query(
      `INSERT INTO email_deliveries (business_key, application_id, template, recipient_kind, recipient_email, recipient_name, status, attempts, smtp_response, created_at, updated_at)
       VALUES ('bounce-1', $1, 'reference_request', 'rater', 'gone@rater.example', 'Gone Rater', 'failed', 1, '550 mailbox unavailable', now(), now())`,
      [today[5]],
    );
  });

  afterAll(async () => {
    await portals.close();
    await system.stop();
  });

  afterEach(() => expect(portals.problems()).toEqual([]));

  test('a coordinator at 360 px: the staff home, queue counts, the oldest first with its age, filters, "Show more", and claiming with the keyboard', async () => {
    coordinator = await signedIn('cora', '/staff', 360);
    await coordinator.onPage('Staff console');
    expect(await coordinator.accessibilityViolations()).toEqual([]);
    // Links only to what a coordinator may open.
    expect(await coordinator.page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await coordinator.page.getByRole('link', { name: 'Queues' }).click();
    await coordinator.onPage('Queues');
    const page = coordinator.page;
    await page.getByRole('link', { name: /Submitted\s*63/ }).waitFor();
    const items = page.locator('.queue-item');
    await expect(items.first().textContent()).resolves.toContain('Olga Oldest');
    await expect(items.first().textContent()).resolves.toContain('waiting 13 days');
    await page.getByText('50 shown, more waiting.').waitFor();
    expect(await coordinator.accessibilityViolations()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: 'Show more' }).click();
    await page.getByText('63 shown.').waitFor();
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);

    await page.getByLabel('Waiting at least (days)').fill('10');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('3 shown.').waitFor();
    expect(new URL(page.url()).searchParams.get('waitingDaysMin')).toBe('10');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Only with an email that was not delivered').check();
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('1 shown.').waitFor();
    await page.getByText('Email not delivered').waitFor();
    await page.getByLabel('Category').fill('IMHS');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('No application matches.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The whole queue again, with the pages already shown.
    await page.getByText('63 shown.').waitFor();

    // The keyboard alone: select the oldest, go back to "Claim selected", press it.
    await page.getByRole('checkbox', { name: 'Select Olga Oldest' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('1 selected.').waitFor();
    for (let i = 0; i < 10 && (await coordinator.focused()).text !== 'Claim selected'; i++) await page.keyboard.press('Shift+Tab');
    expect(await coordinator.focused()).toEqual({ tag: 'BUTTON', text: 'Claim selected' });
    await page.keyboard.press('Enter');
    await page.getByText('1 application claimed.').waitFor();
    await items.first().getByText('with Cora Coordinator').waitFor();
    expect(await coordinator.accessibilityViolations()).toEqual([]);

    // Several at once, handed to a colleague.
    await page.getByRole('checkbox').nth(1).check();
    await page.getByRole('checkbox').nth(2).check();
    await page.getByRole('button', { name: /Assign to/ }).click();
    await page.getByRole('option', { name: 'Colin Coordinator' }).click();
    await page.getByRole('button', { name: 'Assign selected' }).click();
    await page.getByText('2 applications assigned.').waitFor();
    const [{ n }] = await system.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM applications WHERE assignee_id = $1`, [ids.colin]);
    expect(n).toBe(2);
  });

  test('two coordinators act on the same application: the second is told what changed, reloads and acts', async () => {
    const id = await submittedWithRatings('Bea Both');
    const colin = await signedIn('colin', `/staff/applications/${id}`);
    await coordinator.goto(`/staff/applications/${id}`);
    await coordinator.onPage('Bea Both, IFA');
    await colin.onPage('Bea Both, IFA');

    await coordinator.page.getByRole('button', { name: 'Begin reference checks' }).click();
    await coordinator.page.locator('.summary').getByText('Reference checks').waitFor();

    await colin.page.getByRole('button', { name: 'Begin reference checks' }).click();
    const alert = colin.page.getByRole('alert').filter({ hasText: 'Someone else changed this application' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('it is now in Reference checks');
    expect(await colin.accessibilityViolations()).toEqual([]);
    await alert.getByRole('button', { name: 'Reload' }).click();
    await alert.waitFor({ state: 'detached' });
    await colin.page.getByLabel('Reason (put on hold)').fill('Waiting for the transcript of your degree.');
    await colin.page.getByRole('button', { name: 'Put on hold' }).click();
    await colin.page.locator('.summary').getByText('On hold').waitFor();
    expect(await applicationState(system.ds, id)).toBe('on_hold');
    await colin.page.getByText('“Waiting for the transcript of your degree.”').waitFor();
  });

  test('a coordinator works an application to its panel in the console; the reviewers disagree and the administrator decides from the escalation email', async () => {
    const id = await submittedWithRatings('Pia Panel');
    const page = coordinator.page;
    await coordinator.goto(`/staff/applications/${id}`);
    await coordinator.onPage('Pia Panel, IFA');
    expect(await coordinator.accessibilityViolations()).toEqual([]);
    await page.locator('.summary').getByRole('button', { name: 'Claim' }).click();
    await page.locator('.summary').getByText('You').waitFor();

    // The rater who is neither endorsed nor known is vetted by phone.
    const card = page.locator('.card').filter({ hasText: 'Rater endorsed_or_vetted_rater' });
    await card.getByRole('button', { name: /Vetting call to/ }).click();
    await page.getByRole('option', { name: 'Reached: the rater is vetted' }).click();
    await card.getByLabel('Notes on the call').fill('Confirmed they supervised her for two years.');
    await card.getByRole('button', { name: 'Record the call' }).click();
    await card.getByText(/: vetted\. Confirmed they supervised her/).waitFor();

    await page.getByRole('button', { name: 'Begin reference checks' }).click();
    await page.getByRole('button', { name: 'Mark references complete' }).click();
    await page.locator('.summary').getByText('Panel review').waitFor();

    await page.getByRole('button', { name: /First reviewer/ }).click();
    await page.getByRole('option', { name: 'Rhea Reviewer' }).click();
    await page.getByRole('button', { name: /Second reviewer/ }).click();
    await page.getByRole('option', { name: 'Ravi Reviewer' }).click();
    expect(await coordinator.accessibilityViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Seat these reviewers' }).click();
    await page.getByText('Round 1: Ravi Reviewer and Rhea Reviewer. 0 of 2 votes in.').waitFor();
    // A coordinator has no say in the panel's outcome.
    expect(await page.getByRole('button', { name: 'Decide' }).count()).toBe(0);

    // The reviewers vote through the API (their pages are another part of the console) and disagree.
    for (const [who, recommendation, notes] of [
      ['rhea', 'endorse', 'Strong portfolio.'],
      ['ravi', 'deny', 'The work is not with infants.'],
    ] as const) {
      const vote = await call('POST', `/api/v1/reviews/${id}/vote`, { token: await token(who), body: { checklist: allMet, recommendation, notes } });
      expect(vote.status).toBeLessThan(300);
    }
    const [escalation] = await waitFor(
      'the escalation email',
      () => system.smtp.to('ada@staff.example.org').filter((m) => header(m, 'X-Template') === 'panel_escalated'),
      (m) => m.length === 1,
    );
    const link = /https?:\/\/[^\s"<>]+\/staff\/applications\/[0-9a-f-]{36}[^\s"<>]*/.exec(readableBody(escalation))?.[0];
    expect(link).toContain(`/staff/applications/${id}`);

    const admin = await signedIn('ada', link!);
    await admin.onPage('Pia Panel, IFA');
    const votes = admin.page.locator('.votes');
    await votes.getByRole('article', { name: 'Vote of Rhea Reviewer' }).getByText('Endorse').waitFor();
    await votes.getByRole('article', { name: 'Vote of Ravi Reviewer' }).getByText('Deny').waitFor();
    expect(await admin.accessibilityViolations()).toEqual([]);
    await admin.page.getByRole('button', { name: /Decision/ }).click();
    await admin.page.getByRole('option', { name: 'Deny' }).click();
    await admin.page.getByLabel('Reason for your decision').fill('The work experience is not with infants or toddlers.');
    await admin.page.getByRole('button', { name: 'Decide' }).click();
    await admin.page.locator('.summary').getByText('Denied').waitFor();
    expect(await applicationState(system.ds, id)).toBe('denied');
    await admin.page.getByText('Ada Administrator: Deny (Panel review → Denied)').waitFor();

    // The email that bounced before the queue was opened waits on the administration page, with its application.
    await admin.goto('/staff/admin');
    const undelivered = admin.page.getByRole('region', { name: 'Emails that did not arrive' });
    await undelivered
      .getByRole('listitem')
      .filter({ hasText: /^Applicant \d+, .+ waiting since \d{1,2} \w+ \d{4} at \d{2}:\d{2}$/ })
      .waitFor();
    expect(await admin.accessibilityViolations()).toEqual([]);
  });
});
