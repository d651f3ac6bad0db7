import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { emptyPortfolio, loadFramework } from '#framework';
import { EMAIL_TEMPLATE_NAMES, EmailDeliveriesRepository, type NewDelivery } from '#mail';
import { ManualClock } from '#platform';
import { JobQueues } from '#queue';
import { seedAccount } from '../api/auth-harness.js';
import { insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { decodedHeader, header, readableBody } from '../support/mail-reading.js';

const RATER_TEMPLATES = ['reference_request', 'reference_reminder'];
const STAFF_TEMPLATES = ['panel_escalated', 'panel_assigned', 'panel_released', 'reference_overdue_coordinator'];
const REVIEWER_TEMPLATES = ['panel_assigned', 'panel_released'];
// Account emails (no application) are delivered end to end in test/api/auth-links.test.ts and test/api/password-change.test.ts.
const ACCOUNT_TEMPLATES = ['password_reset', 'staff_invitation', 'registration_attempt', 'password_changed'];
const APPLICATION_TEMPLATES = EMAIL_TEMPLATE_NAMES.filter((t) => !ACCOUNT_TEMPLATES.includes(t));

const system = new TestSystem(new ManualClock(new Date('2026-11-22T12:00:00Z')));
const smtp = system.smtp;

beforeAll(() => system.start());
afterAll(() => system.stop());

test('every email type is rendered (HTML and text) and arrives with the right recipient, subject and link', async () => {
  const { ds, worker } = system;
  // A category with an exam, so that the exam emails have its rules.
  const appId = await insertApplication(ds, loadFramework(), {
    state: 'endorsed',
    category: 'IMHS',
    portfolio: { ...emptyPortfolio(), references: [{ raterName: 'Rosa Rater', raterEmail: 'rosa@rater.example', role: 'supervisor', waivedAccess: true }] },
  });
  // Everything some template needs: a number and due date, an exam approval and seat, a reason, a rater.
  await ds.query(`UPDATE applications SET endorsement_number = 'MI-000042', renewal_due_on = '2027-12-31', exam_approved_at = now() WHERE id = $1`, [appId]);
  const [event] = await ds.query(
    `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_role, reason, occurred_at)
     VALUES ($1, 1, 'panel_defer', 'panel_review', 'deferred', 'reviewer', 'Please add your RSC log for 2025.', now()) RETURNING id`,
    [appId],
  );
  const [ref] = await ds.query(
    `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, token_expires_at, requested_at, created_at)
     VALUES ($1, 'supervisor', 'Rosa Rater', 'rosa@rater.example', true, 'requested', now() + interval '30 days', now(), now()) RETURNING id`,
    [appId],
  );
  const coordinator = await seedAccount(ds, {
    email: 'coord@example.org',
    password: 'correct horse battery staple',
    roles: ['coordinator'],
    associationCode: 'MI-AIMH',
  });
  const [examWindow] = await ds.query(
    `INSERT INTO exam_windows (association_code, sits_on, registration_closes_at, online, location, capacity, created_by, created_at)
     VALUES ('MI-AIMH', '2027-03-12', '2027-03-01T12:00:00Z', false, 'Lansing Community Center', 20, $1, now()) RETURNING id`,
    [coordinator],
  );
  const [{ candidate_code: candidateCode }] = await ds.query(
    `INSERT INTO exam_attempts (application_id, attempt_no, window_id, sat_on, registered_by, created_at) VALUES ($1, 1, $2, '2027-03-12', $3, now()) RETURNING candidate_code`,
    [appId, examWindow.id, coordinator],
  );
  const [{ email: applicant }] = await ds.query(`SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [appId]);
  const recipientOf = (t: string) =>
    RATER_TEMPLATES.includes(t) ? 'rosa@rater.example' : STAFF_TEMPLATES.includes(t) ? 'endorsement@mi-aimh.example.org' : applicant;
  const deliveries: NewDelivery[] = APPLICATION_TEMPLATES.map((template) => ({
    businessKey: `every-${template}`,
    applicationId: appId,
    referenceId: ref.id,
    template,
    recipientKind: RATER_TEMPLATES.includes(template)
      ? 'rater'
      : REVIEWER_TEMPLATES.includes(template)
        ? 'reviewer'
        : STAFF_TEMPLATES.includes(template)
          ? 'coordinator'
          : 'applicant',
    recipientEmail: recipientOf(template),
    recipientName: 'Recipient',
    context: { eventId: event.id, daysWaiting: 21, attemptNo: 1 },
  }));
  const ids = await ds.transaction((m) => worker.get(EmailDeliveriesRepository).record(deliveries, new Date(), m));
  await worker.get(JobQueues).addBulk(
    'sendEmail',
    ids.map((deliveryId) => ({ deliveryId })),
  );

  // The ledger says sent only after the server's 250, so wait on it, not on the sink.
  const sent = async () => (await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM email_deliveries WHERE status = 'sent'`))[0].n;
  await waitFor('every email type sent', sent, (n) => n === APPLICATION_TEMPLATES.length, 30_000);
  expect(smtp.messages).toHaveLength(APPLICATION_TEMPLATES.length);
  expect(APPLICATION_TEMPLATES.length).toBe(EMAIL_TEMPLATE_NAMES.length - ACCOUNT_TEMPLATES.length); // every account template exists
  for (const template of APPLICATION_TEMPLATES) {
    const mail = smtp.messages.find((m) => header(m, 'X-Template') === template);
    expect({ template, to: mail?.to }).toEqual({ template, to: [recipientOf(template)] });
    expect(decodedHeader(mail!, 'Subject')).toMatch(/^MI-AIMH: \S/);
    expect(mail!.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail!.raw).toMatch(/Content-Type: text\/html/);
    const body = readableBody(mail!);
    if (RATER_TEMPLATES.includes(template)) expect(body).toMatch(/http:\/\/localhost:3000\/r\/[A-Za-z0-9_-]{43}/);
    else if (template === 'panel_assigned') expect(body).toContain(`http://localhost:3000/reviews/${appId}`);
    else if (template === 'panel_released') expect(body).toContain('http://localhost:3000/reviews');
    // Staff open the staff console's page of the application, never the applicant's own.
    else if (STAFF_TEMPLATES.includes(template)) expect(body).toContain(`http://localhost:3000/staff/applications/${appId}`);
    // The applicant's emails open their application, or their endorsement for the endorsement's emails.
    else expect(body).toMatch(new RegExp(`http://localhost:3000/(applications|endorsements)/${appId}`));
  }
  const seat = readableBody(smtp.messages.find((m) => header(m, 'X-Template') === 'exam_registered')!);
  for (const detail of ['12 March 2027', 'Lansing Community Center', candidateCode, '60 multiple-choice questions in 90 minutes', '2 of 3 short case examples'])
    expect(seat).toContain(detail);
});
