import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { EmailDeliveriesRepository, type NewDelivery } from '#mail';
import { JobQueues } from '#queue';
import { EMAIL_TEMPLATE_SOURCES } from '../../libs/mail/src/templates/email-template-sources.js';
import { insertApplication } from '../support/application-fixture.js';
import { header, readableBody } from '../support/mail-reading.js';
import { Portals, type Portal } from '../support/portal.js';
import { seedApplicant, staffToken } from '../support/portal-people.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const PASSWORD = 'a long passphrase for ivy';
const ACCOUNT_TEMPLATES = ['password_reset', 'staff_invitation', 'registration_attempt'];
// About the account, not an application: its link goes to the front page (followed in the account pages' tests).
const ACCOUNT_NOTICES = ['password_changed'];
const APPLICANT_TEMPLATES = Object.entries(EMAIL_TEMPLATE_SOURCES)
  .filter(([name, t]) => t.audience === 'applicant' && !ACCOUNT_TEMPLATES.includes(name) && !ACCOUNT_NOTICES.includes(name))
  .map(([name]) => name);
// Where each email's link must land: the application (or endorsement) in the state the email is about, and its part.
const ENDORSEMENT = ['endorsed', 'renewed', 'renewal_open', 'renewal_reminder', 'renewal_late_notice'];
const PART_HEADING: Record<string, string> = {
  references: 'Your references',
  exam: 'Your exam',
  deferral: 'The reviewers asked you to amend your portfolio',
  renewal: 'Renewal',
  reinstate: 'Reinstate your endorsement',
};

const system = new TestSystem();
const portals = new Portals();
let portal: Portal;

beforeAll(async () => {
  await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
  portal = await portals.open(system.url('/'), { width: 360 });
});
afterAll(async () => {
  await portals.close();
  await system.stop();
});
afterEach(() => expect(portals.problems()).toEqual([]));

test('every applicant and account email links to a page that shows its application and the part it is about', async () => {
  const { ds, worker } = system;
  const framework = loadFramework();
  const { personId } = await seedApplicant(ds, 'ivy@example.org', PASSWORD, 'Ivy Practitioner');
  const portfolio = { references: [{ raterName: 'Rosa Rater', raterEmail: 'rosa@rater.example', role: 'supervisor', waivedAccess: true }] };
  const inState = async (state: 'exam' | 'deferred' | 'renewal_due' | 'lapsed') => {
    const id = await insertApplication(ds, framework, {
      state,
      category: 'IMHS',
      personId,
      portfolio: { ...(await import('#framework')).emptyPortfolio(), ...portfolio },
    });
    await ds.query(
      `UPDATE applications SET endorsement_number = $2, endorsed_at = now() - interval '800 days', renewal_due_on = current_date + 30, exam_approved_at = now() WHERE id = $1`,
      [id, `MI-${state}`],
    );
    return id;
  };
  const apps = { exam: await inState('exam'), deferred: await inState('deferred'), renewal_due: await inState('renewal_due'), lapsed: await inState('lapsed') };
  const appFor = (t: string) => (t === 'deferred' ? apps.deferred : t === 'lapsed' ? apps.lapsed : ENDORSEMENT.includes(t) ? apps.renewal_due : apps.exam);
  const [event] = await ds.query(
    `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_role, reason, occurred_at)
     VALUES ($1, 1, 'panel_defer', 'panel_review', 'deferred', 'reviewer', 'Please add your RSC log for 2025.', now()) RETURNING id`,
    [apps.deferred],
  );
  const [ref] = await ds.query(
    `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, token_expires_at, requested_at, created_at)
     VALUES ($1, 'supervisor', 'Rosa Rater', 'rosa@rater.example', true, 'requested', now() + interval '30 days', now(), now()) RETURNING id`,
    [apps.exam],
  );
  const token = await staffToken(ds, system.url(''), 'cora@mi.example', 'a coordinator passphrase', ['coordinator', 'administrator']);
  const [{ id: coordinatorId }] = await ds.query<{ id: string }[]>(`SELECT id FROM accounts WHERE email = 'cora@mi.example'`);
  const [examWindow] = await ds.query(
    `INSERT INTO exam_windows (association_code, sits_on, registration_closes_at, online, location, capacity, created_by, created_at)
     VALUES ('MI-AIMH', '2027-03-12', '2027-03-01T12:00:00Z', false, 'Lansing Community Center', 20, $1, now()) RETURNING id`,
    [coordinatorId],
  );
  await ds.query(
    `INSERT INTO exam_attempts (application_id, attempt_no, window_id, sat_on, registered_by, created_at) VALUES ($1, 1, $2, '2027-03-12', $3, now())`,
    [apps.exam, examWindow.id, coordinatorId],
  );

  const deliveries: NewDelivery[] = APPLICANT_TEMPLATES.map((template) => ({
    businessKey: `lands-${template}`,
    applicationId: appFor(template),
    referenceId: appFor(template) === apps.exam ? ref.id : null,
    template,
    recipientKind: 'applicant',
    recipientEmail: 'ivy@example.org',
    recipientName: 'Ivy Practitioner',
    // The reviewers' reason, which the deferral, hold and denial emails quote.
    context: { eventId: event.id, daysWaiting: 21, attemptNo: 1 },
  }));
  const ids = await ds.transaction((m) => worker.get(EmailDeliveriesRepository).record(deliveries, new Date(), m));
  await worker.get(JobQueues).addBulk(
    'sendEmail',
    ids.map((deliveryId) => ({ deliveryId })),
  );
  // The account emails, as people cause them: a forgotten password, a staff invitation, a second registration.
  const post = (path: string, body: object, auth?: string) =>
    fetch(system.url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
  await post('/api/v1/auth/password-reset-requests', { email: 'ivy@example.org' });
  await post('/api/v1/staff/invitations', { email: 'rhea@mi.example', fullName: 'Rhea Reviewer', roles: ['reviewer'] }, token);
  await post('/api/v1/auth/register', { associationCode: 'MI-AIMH', fullName: 'Ivy Again', email: 'ivy@example.org', password: 'another long passphrase' });
  const expected = [...APPLICANT_TEMPLATES, ...ACCOUNT_TEMPLATES];
  const received = () => [...system.smtp.to('ivy@example.org'), ...system.smtp.to('rhea@mi.example')];
  // Waits on the templates still missing, so a timeout names them.
  await waitFor(
    'every email',
    async () => expected.filter((t) => !received().some((m) => header(m, 'X-Template') === t)),
    (missing) => missing.length === 0,
    60_000,
  );
  const mails = received();

  const link = (mail: (typeof mails)[number]) =>
    /https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?(?:\/[^\s"<>)\]]*)?/.exec(readableBody(mail).replace(/^[\s\S]*?\r?\n\r?\n/, ''))![0];
  // Account emails first, before signing in: their pages need no session.
  const account: Record<string, string | RegExp> = {
    password_reset: 'Choose a new password',
    staff_invitation: 'Accept your invitation',
    registration_attempt: /Sign in|My applications/,
  };
  for (const [template, heading] of Object.entries(account)) {
    const mail = mails.find((m) => header(m, 'X-Template') === template);
    expect({ template, found: mail !== undefined }).toEqual({ template, found: true });
    await portal.goto(link(mail!));
    await portal.onPage(heading);
  }
  await portal.goto('/sign-in');
  await portal.signIn('ivy@example.org', PASSWORD);

  for (const template of APPLICANT_TEMPLATES) {
    const mail = mails.find((m) => header(m, 'X-Template') === template)!;
    const body = readableBody(mail).replace(/^[\s\S]*?\r?\n\r?\n/, '');
    const urls = [...new Set(body.match(/https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?(?:\/[^\s"<>)\]]*)?/g) ?? [])].map((u) => new URL(u));
    expect({ template, toItsApplication: urls.some((u) => u.pathname !== '/') }).toEqual({ template, toItsApplication: true });
    for (const url of urls) {
      await portal.goto(url.toString());
      if (url.pathname === '/') {
        await portal.onPage('My applications');
        await portal.page.getByRole('link', { name: 'Infant Mental Health Specialist' }).first().waitFor();
        continue;
      }
      if (url.pathname.startsWith('/verify/')) {
        // The public check of the endorsement number (server-rendered by the api, as certificates link to it).
        expect({ template, heading: await portal.heading() }).not.toEqual({ template, heading: 'Page not found' });
        continue;
      }
      const endorsementPage = url.pathname.startsWith('/endorsements/');
      expect({ template, path: url.pathname }).toEqual({ template, path: `/${endorsementPage ? 'endorsements' : 'applications'}/${appFor(template)}` });
      // The application's category in the heading: this application, not an error or "Page not found".
      await portal.onPage(endorsementPage ? 'Your Infant Mental Health Specialist Endorsement' : 'Your Infant Mental Health Specialist application');
      const part = url.hash.slice(1);
      if (part) await portal.page.locator(`#${part}`).getByRole('heading', { name: PART_HEADING[part] }).first().waitFor();
      expect({ template, errors: await portal.page.locator('.notice-error').count() }).toEqual({ template, errors: 0 });
    }
  }
}, 300_000);
