import { afterAll, beforeAll, expect, test } from '@jest/globals';
import nodemailer from 'nodemailer';
import { ApplicationsRepository, ListApplicationEmails } from '#endorsement';
import { EmailDeliveriesRepository } from '#mail';
import { abuseReport, deliveryStatusNotification } from '../support/bounce-reports.js';
import { FaultEnv } from '../support/fault-env.js';
import { header } from '../support/mail-reading.js';
import { fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { freePort, waitForPort } from '../support/ports.js';
import type { ReceivedMail } from '../support/smtp-sink.js';
import { WorkerProcess } from '../support/worker-process.js';
import { waitFor } from '../support/worker-harness.js';

// The relay (the SMTP sink) accepts every message with 250, as a real relay does; the bounce comes
// later, as a new message from the relay to the address the message named as its envelope sender.
const BOUNCE_DOMAIN = 'bounces.endorsement.test';
// "Within one sweep": the applicant's notice goes out straight from the bounce (a send-email job),
// before the reminder sweep would next run.
const SWEEP_EVERY_MS = 10_000;
const env = new FaultEnv();
let worker: WorkerProcess;
let bouncePort: number;

beforeAll(async () => {
  await env.setUp();
  bouncePort = await freePort();
  worker = await new WorkerProcess(
    env.workerEnv({ BOUNCE_DOMAIN, BOUNCE_SMTP_PORT: String(bouncePort), REMINDER_SWEEP_EVERY_MS: String(SWEEP_EVERY_MS) }),
  ).start();
  await waitForPort(bouncePort);
}, 60_000);
afterAll(async () => {
  await worker?.kill('SIGTERM');
  await env.tearDown();
});

/** The applicant's view of their application's emails, as GET /applications/{id}/emails answers it. */
function applicantEmails(personId: string, applicationId: string) {
  return new ListApplicationEmails(new ApplicationsRepository(env.ds), new EmailDeliveriesRepository(env.ds)).execute(personId, applicationId);
}

/** The relay sending a report back to the bounce receiver, with the null sender that reports carry. */
async function report(to: string, raw: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: bouncePort, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from: '', to }, raw });
  } finally {
    transport.close();
  }
}

const row = async (id: string) =>
  (
    await env.ds.query<{ status: string; last_error: string | null; smtp_response: string | null; recipient_email: string }[]>(
      `SELECT status, last_error, smtp_response, recipient_email FROM email_deliveries WHERE id = $1`,
      [id],
    )
  )[0];

const ledgerRowsTo = (email: string) =>
  env.ds.query<{ id: string; template: string; status: string; last_error: string | null }[]>(
    `SELECT id, template, status, last_error FROM email_deliveries WHERE recipient_email = $1 ORDER BY created_at`,
    [email],
  );

async function requestsSent(tag: string, count: number): Promise<Map<string, ReceivedMail>> {
  const ids = await seedSubmitted(env.ds, count, tag);
  await fireAll(env.ds, ids, 'begin_reference_checks');
  const requests = await waitFor(
    `${count} rater requests accepted by the relay`,
    () => env.smtp.messages.filter((m) => m.to[0]?.startsWith(`rater-${tag}-`)),
    (m) => m.length === count,
  );
  await waitFor(
    'their ledger rows marked sent',
    () => env.ds.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE recipient_email LIKE $1 AND status = 'sent'`, [`rater-${tag}-%`]),
    (r) => r[0].n === count,
  );
  return new Map(requests.map((m) => [m.to[0], m]));
}

test('a relay accepts every message, then returns a DSN for one: its row ends bounced, the applicant is told, staff see it, the address is suppressed', async () => {
  const requests = await requestsSent('dsn', 3);
  const bounced = requests.get('rater-dsn-2@example.org')!;
  const deliveryId = header(bounced, 'X-Delivery-Id')!;
  // VERP: the envelope sender names the ledger row.
  expect(bounced.from).toBe(`bounces+${deliveryId}@${BOUNCE_DOMAIN}`);
  const [{ reference_id: referenceId, application_id: applicationId }] = await env.ds.query(
    `SELECT reference_id, application_id FROM email_deliveries WHERE id = $1`,
    [deliveryId],
  );
  expect(await env.ds.query(`SELECT count(*)::int AS n FROM reminders WHERE reference_id = $1 AND status = 'pending'`, [referenceId])).toEqual([{ n: 3 }]); // days 7 and 14, and the day-21 notice

  await report(bounced.from, deliveryStatusNotification({ to: bounced.from, recipient: 'rater-dsn-2@example.org', original: bounced.raw }));

  const after = await waitFor(
    'the row bounced',
    () => row(deliveryId),
    (r) => r.status === 'bounced',
    SWEEP_EVERY_MS,
  );
  expect(after.last_error).toBe('bounced after it was accepted (DSN)');
  expect(after.smtp_response).toContain('5.1.1 smtp; 550 5.1.1');
  // The same path as a 5xx at sending: the reference bounced, its reminders stopped, the applicant asked for another address.
  expect(await env.ds.query(`SELECT status FROM application_references WHERE id = $1`, [referenceId])).toEqual([{ status: 'bounced' }]);
  expect(await env.ds.query(`SELECT count(*)::int AS n FROM reminders WHERE reference_id = $1 AND status = 'pending'`, [referenceId])).toEqual([{ n: 0 }]);
  const notice = await waitFor(
    'the applicant told',
    () => env.smtp.to('applicant-dsn-2@example.org').filter((m) => header(m, 'X-Template') === 'rater_email_rejected'),
    (m) => m.length === 1,
    SWEEP_EVERY_MS,
  );
  expect(header(notice[0], 'Subject')).toBe('MI-AIMH: Please give another email address for Rater');
  // The report is a cause of its own: the notice it set off carries its id (docs/following-a-request.md).
  expect(header(notice[0], 'X-Request-ID')).toMatch(/^bounce:[0-9a-f-]{36}$/);
  // The staff queue's failed-email flag (the query behind `failedEmail`) holds the application.
  const flagged = await env.ds.query(
    `SELECT DISTINCT application_id FROM email_deliveries WHERE status IN ('failed', 'bounced', 'suppressed') AND recipient_email LIKE 'rater-dsn-%'`,
  );
  expect(flagged).toEqual([{ application_id: applicationId }]);
  // The applicant's view of their emails says what happened, in words they can act on.
  const [{ applicant_id: applicantId }] = await env.ds.query(`SELECT applicant_id FROM applications WHERE id = $1`, [applicationId]);
  const { emails } = await applicantEmails(applicantId, applicationId);
  expect(emails.find((e) => e.id === deliveryId)).toMatchObject({
    status: 'bounced',
    summary: 'The request to your rater Rater was accepted, then returned by their mail server (or reported as unwanted).',
  });
  expect(await env.ds.query(`SELECT email, reason, delivery_id FROM email_suppressions`)).toEqual([
    { email: 'rater-dsn-2@example.org', reason: 'hard_bounce', delivery_id: deliveryId },
  ]);
  // The others stay delivered; the same DSN again changes nothing and tells nobody twice.
  for (const other of ['rater-dsn-1@example.org', 'rater-dsn-3@example.org'])
    expect((await row(header(requests.get(other)!, 'X-Delivery-Id')!)).status).toBe('sent');
  await report(bounced.from, deliveryStatusNotification({ to: bounced.from, recipient: 'rater-dsn-2@example.org', original: bounced.raw }));
  expect(
    await env.ds.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE template = 'rater_email_rejected' AND application_id = $1`, [applicationId]),
  ).toEqual([{ n: 1 }]);
}, 120_000);

test('an abuse report (ARF) names the message by its Message-ID: the row bounced, the address suppressed, and the next email to it is not sent', async () => {
  const requests = await requestsSent('arf', 1);
  const message = requests.get('rater-arf-1@example.org')!;
  const deliveryId = header(message, 'X-Delivery-Id')!;
  // Feedback loops report to their own registered address at the bounce domain, not the VERP one.
  await report(`abuse@${BOUNCE_DOMAIN}`, abuseReport({ to: `abuse@${BOUNCE_DOMAIN}`, original: message.raw }));
  await waitFor(
    'the row bounced',
    () => row(deliveryId),
    (r) => r.status === 'bounced',
  );
  expect(await env.ds.query(`SELECT reason FROM email_suppressions WHERE email = 'rater-arf-1@example.org'`)).toEqual([{ reason: 'complaint' }]);

  // The applicant complains too: the next email to them is not sent, and the row says why.
  const [applicantMessage] = env.smtp.to('applicant-arf-1@example.org');
  await report(`abuse@${BOUNCE_DOMAIN}`, abuseReport({ to: `abuse@${BOUNCE_DOMAIN}`, original: applicantMessage.raw }));
  await waitFor(
    'the applicant address suppressed',
    () => env.ds.query(`SELECT 1 FROM email_suppressions WHERE email = 'applicant-arf-1@example.org'`),
    (r) => r.length === 1,
  );
  const seen = env.smtp.to('applicant-arf-1@example.org').length;
  const [{ application_id: applicationId }] = await env.ds.query(`SELECT application_id FROM email_deliveries WHERE id = $1`, [deliveryId]);
  await fireAll(env.ds, [applicationId], 'hold', 'waiting for the processing fee');
  const rows = await waitFor(
    'the on-hold email suppressed',
    () => ledgerRowsTo('applicant-arf-1@example.org'),
    (r) => r.some((d) => d.template === 'on_hold' && d.status === 'suppressed'),
  );
  expect(rows.find((d) => d.template === 'on_hold')!.last_error).toMatch(
    /^not sent: its owner reported our email as spam on \d{4}-\d\d-\d\d; it is sent to again once someone gives the address anew$/,
  );
  expect(env.smtp.to('applicant-arf-1@example.org')).toHaveLength(seen);
  const [{ applicant_id: applicantId }] = await env.ds.query(`SELECT applicant_id FROM applications WHERE id = $1`, [applicationId]);
  const { emails } = await applicantEmails(applicantId, applicationId);
  expect(emails.find((e) => e.template === 'on_hold')).toMatchObject({
    status: 'suppressed',
    summary: 'Our email to you was not sent, because earlier mail to that address bounced or was reported as unwanted.',
  });
}, 120_000);

test('reports that match no message of ours change nothing; mail for other domains is refused', async () => {
  const requests = await requestsSent('forged', 1);
  const message = requests.get('rater-forged-1@example.org')!;
  const deliveryId = header(message, 'X-Delivery-Id')!;
  const before = await env.ds.query(`SELECT id, status, updated_at FROM email_deliveries ORDER BY id`);
  // A Message-ID whose hash is not the row's, and a VERP id whose report is about someone else.
  const forged = message.raw.replace(/^Message-ID:.*$/im, `Message-ID: <ledger-${deliveryId}.0000000000000000@endorsement.local>`);
  await report(`abuse@${BOUNCE_DOMAIN}`, abuseReport({ to: `abuse@${BOUNCE_DOMAIN}`, original: forged }));
  await report(message.from, deliveryStatusNotification({ to: message.from, recipient: 'someone-else@example.org', original: message.raw }));
  await waitFor(
    'both logged as unmatched',
    () => worker.output,
    (out) => (out.match(/matches no message of ours/g) ?? []).length >= 2,
  );
  expect(await env.ds.query(`SELECT id, status, updated_at FROM email_deliveries ORDER BY id`)).toEqual(before);
  expect(await env.ds.query(`SELECT count(*)::int AS n FROM email_suppressions WHERE email = 'rater-forged-1@example.org'`)).toEqual([{ n: 0 }]);
  await expect(report('someone@example.org', 'Subject: relay me\r\n\r\nhello\r\n')).rejects.toMatchObject({ responseCode: 550 });
}, 120_000);
