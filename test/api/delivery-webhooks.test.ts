import { createSign, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import selfsigned from 'selfsigned';
import { ReplaceRaterAddress } from '#endorsement';
import { caller, seedAccount } from './auth-harness.js';
import { header } from '../support/mail-reading.js';
import { startReferenceChecks } from '../support/reference-checks.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ses-bounces';
const PASSWORD = 'correct horse battery staple';
const OTHER_TOPIC = 'arn:aws:sns:eu-west-1:999999999999:someone-elses-topic';

/**
 * Amazon SNS stand-in: serves a locally generated signing certificate (the URL pattern allows this
 * server only) and records subscription confirmations. SendGrid: a generated P-256 key.
 */
describe('provider webhooks: SES via SNS and SendGrid, each verified; unverifiable requests change nothing', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let sns: Server;
  let snsBase: string;
  let snsKey: string;
  const confirmations: string[] = [];
  const sendgrid = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  let appId: string;

  beforeAll(async () => {
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'sns.eu-west-1.amazonaws.com' }], { keySize: 2048, algorithm: 'sha256' });
    snsKey = pems.private;
    sns = createServer((req, res) => {
      if (req.url === '/cert.pem') return res.end(pems.cert);
      if (req.url?.startsWith('/confirm')) confirmations.push(req.url);
      res.end('<ConfirmSubscriptionResponse/>');
    });
    await new Promise<void>((r) => sns.listen(0, '127.0.0.1', () => r()));
    snsBase = `http://127.0.0.1:${(sns.address() as AddressInfo).port}`;
    await system.start({
      api: true,
      env: {
        SES_SNS_TOPIC_ARNS: TOPIC,
        SNS_CERT_URL_PATTERN: `^${snsBase.replace(/\./g, '\\.')}/`,
        SENDGRID_WEBHOOK_PUBLIC_KEY: sendgrid.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      },
    });
    appId = await startReferenceChecks(system, [
      { raterName: 'Sam Supervisor', raterEmail: 'sam@corp.example', role: 'supervisor_teacher_or_cda_mentor' },
      { raterName: 'Pat Peer', raterEmail: 'pat@corp.example', role: 'colleague_or_parent' },
    ]);
    await waitFor(
      'both requests sent',
      () => system.ds.query(`SELECT 1 FROM email_deliveries WHERE recipient_kind = 'rater' AND status = 'sent'`),
      (r) => r.length === 2,
    );
  }, 60_000);

  afterAll(async () => {
    await system.stop();
    await new Promise((r) => sns.close(r));
  });

  const sent = (email: string) => {
    const [message] = system.smtp.to(email);
    return { id: header(message, 'X-Delivery-Id')!, messageId: header(message, 'Message-ID')! };
  };
  const snapshot = () =>
    Promise.all([
      system.ds.query(`SELECT id, status, last_error, updated_at FROM email_deliveries ORDER BY id`),
      system.ds.query(`SELECT id, status FROM application_references ORDER BY id`),
      system.ds.query(`SELECT * FROM email_suppressions ORDER BY email`),
    ]);

  function snsMessage(fields: { Type?: string; TopicArn?: string; Message: string; SubscribeURL?: string; Token?: string }, certUrl = `${snsBase}/cert.pem`) {
    const message: Record<string, string | undefined> = {
      Type: fields.Type ?? 'Notification',
      MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
      TopicArn: fields.TopicArn ?? TOPIC,
      Message: fields.Message,
      Timestamp: new Date().toISOString(),
      SignatureVersion: '2',
      SigningCertURL: certUrl,
      ...(fields.SubscribeURL ? { SubscribeURL: fields.SubscribeURL, Token: fields.Token ?? 'token' } : {}),
    };
    const order =
      message.Type === 'Notification'
        ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
        : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
    const signer = createSign('RSA-SHA256');
    signer.update(
      order
        .filter((k) => message[k] !== undefined)
        .map((k) => `${k}\n${message[k]}\n`)
        .join(''),
    );
    return { ...message, Signature: signer.sign(snsKey, 'base64') } as Record<string, string>;
  }

  const postSes = (body: unknown) =>
    fetch(system.url('/api/v1/webhooks/ses'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
      body: JSON.stringify(body),
    });

  const sesBounce = (to: { id: string; messageId: string }, email: string) =>
    JSON.stringify({
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bouncedRecipients: [{ emailAddress: email, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      },
      mail: {
        messageId: '0100018c-ses-own-id',
        headers: [
          { name: 'Message-ID', value: to.messageId },
          { name: 'X-Delivery-Id', value: to.id },
        ],
      },
    });

  test('SES: a forged or tampered message, a certificate from another host, or another topic is refused, and nothing changes', async () => {
    const before = await snapshot();
    const genuine = snsMessage({ Message: sesBounce(sent('sam@corp.example'), 'sam@corp.example') });
    const tampered = { ...genuine, Message: sesBounce(sent('pat@corp.example'), 'pat@corp.example') };
    const foreignCert = snsMessage({ Message: genuine.Message }, `http://localhost:${new URL(snsBase).port}/cert.pem`);
    const otherTopic = snsMessage({ TopicArn: OTHER_TOPIC, Message: genuine.Message });
    for (const [body, status, code] of [
      [tampered, 401, 'webhook_signature_invalid'],
      [{ ...genuine, Signature: 'AAAA' }, 401, 'webhook_signature_invalid'],
      [foreignCert, 401, 'webhook_signature_invalid'],
      [otherTopic, 403, 'webhook_topic_not_allowed'],
      [{ hello: 'world' }, 400, 'validation_failed'],
    ] as const) {
      const response = await postSes(body);
      expect([response.status, response.headers.get('content-type'), ((await response.json()) as { code: string }).code]).toEqual([
        status,
        'application/problem+json; charset=utf-8',
        code,
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('SES: a signed permanent bounce marks the message bounced, tells the applicant and suppresses the address', async () => {
    const sam = sent('sam@corp.example');
    const response = await postSes(snsMessage({ Message: sesBounce(sam, 'sam@corp.example') }));
    expect([response.status, await response.json()]).toEqual([200, { recorded: 1, ignored: 0 }]);
    const [row] = await system.ds.query(`SELECT status, last_error, smtp_response FROM email_deliveries WHERE id = $1`, [sam.id]);
    expect(row).toEqual({ status: 'bounced', last_error: 'bounced after it was accepted (Amazon SES)', smtp_response: '5.1.1 smtp; 550 5.1.1 user unknown' });
    expect(await system.ds.query(`SELECT status FROM application_references WHERE rater_email = 'sam@corp.example'`)).toEqual([{ status: 'bounced' }]);
    await waitFor(
      'the applicant told',
      () => system.ds.query(`SELECT status FROM email_deliveries WHERE template = 'rater_email_rejected' AND application_id = $1`, [appId]),
      (r) => r[0]?.status === 'sent',
    );
    expect(await system.ds.query(`SELECT reason FROM email_suppressions WHERE email = 'sam@corp.example'`)).toEqual([{ reason: 'hard_bounce' }]);
    // SNS delivers at least once: the same message again records nothing more.
    const again = await postSes(snsMessage({ Message: sesBounce(sam, 'sam@corp.example') }));
    expect(await again.json()).toEqual({ recorded: 0, ignored: 1 });
  });

  test('the applicant gives the bounced address anew: the suppression is lifted and the new request goes out', async () => {
    const [bounced] = await system.ds.query<{ id: string }[]>(
      `SELECT id FROM application_references WHERE rater_email = 'sam@corp.example' AND status = 'bounced'`,
    );
    await system.worker.get(ReplaceRaterAddress).execute({ applicationId: appId, referenceId: bounced.id, raterEmail: 'sam@corp.example' });
    await waitFor(
      'the new request sent',
      () => system.smtp.to('sam@corp.example'),
      (m) => m.length === 2,
    );
    expect(await system.ds.query(`SELECT count(*)::int AS n FROM email_suppressions WHERE email = 'sam@corp.example'`)).toEqual([{ n: 0 }]);
  });

  test('SES: a subscription confirmation from the accepted topic is confirmed at the URL it names', async () => {
    const response = await postSes(
      snsMessage({ Type: 'SubscriptionConfirmation', Message: 'You have chosen to subscribe.', SubscribeURL: `${snsBase}/confirm?Token=abc` }),
    );
    expect(response.status).toBe(200);
    expect(confirmations).toEqual(['/confirm?Token=abc']);
  });

  const postSendgrid = (body: string, signature: string, timestamp = String(Math.floor(Date.now() / 1000))) =>
    fetch(system.url('/api/v1/webhooks/sendgrid'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': timestamp },
      body,
    });
  const sendgridSignature = (timestamp: string, body: string, key = sendgrid.privateKey) =>
    sign('sha256', Buffer.from(timestamp + body), key).toString('base64');

  test('SendGrid: a wrong signature, a signature by another key or over another body is refused, and nothing changes', async () => {
    const before = await snapshot();
    const pat = sent('pat@corp.example');
    const body = JSON.stringify([{ email: 'pat@corp.example', event: 'spamreport', 'smtp-id': pat.messageId, timestamp: 1765000000 }]);
    const ts = String(Math.floor(Date.now() / 1000));
    const stranger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    for (const [payload, signature] of [
      [body, sendgridSignature(ts, body, stranger)],
      [body, sendgridSignature(ts, body.replace('spamreport', 'delivered'))],
      [body, ''],
    ]) {
      const response = await postSendgrid(payload, signature, ts);
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([401, 'webhook_signature_invalid']);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('SendGrid: a signed spam report marks the message bounced and suppresses the address; other events are ignored', async () => {
    const pat = sent('pat@corp.example');
    const body = JSON.stringify([
      { email: 'pat@corp.example', event: 'delivered', 'smtp-id': pat.messageId, timestamp: 1765000000 },
      { email: 'pat@corp.example', event: 'spamreport', 'smtp-id': pat.messageId, timestamp: 1765000001 },
      { email: 'nobody@corp.example', event: 'bounce', type: 'bounce', 'smtp-id': '<not-ours@example.net>', timestamp: 1765000002 },
    ]);
    const ts = String(Math.floor(Date.now() / 1000));
    const response = await postSendgrid(body, sendgridSignature(ts, body), ts);
    expect([response.status, await response.json()]).toEqual([200, { recorded: 1, ignored: 2 }]);
    expect(await system.ds.query(`SELECT status, last_error FROM email_deliveries WHERE id = $1`, [pat.id])).toEqual([
      { status: 'bounced', last_error: 'reported as spam by its recipient (SendGrid)' },
    ]);
    expect(await system.ds.query(`SELECT reason FROM email_suppressions WHERE email = 'pat@corp.example'`)).toEqual([{ reason: 'complaint' }]);
  });

  test('staff give a suppressed address anew; staff of another association cannot, and change nothing', async () => {
    const pat = sent('pat@corp.example');
    await seedAccount(system.ds, { email: 'cora@mi-aimh.example.org', password: PASSWORD, roles: ['coordinator'], associationCode: 'MI-AIMH' });
    await seedAccount(system.ds, { email: 'tess@taimh.example.org', password: PASSWORD, roles: ['coordinator'], associationCode: 'TAIMH' });
    const tokenOf = async (email: string) =>
      ((await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body as { accessToken: string }).accessToken;
    const path = `/api/v1/staff/applications/${appId}/emails/${pat.id}/suppression`;

    const before = await snapshot();
    const other = await call('DELETE', path, { token: await tokenOf('tess@taimh.example.org') });
    expect([other.status, other.body.code]).toEqual([404, 'application_not_found']);
    expect(await snapshot()).toEqual(before);

    // The staff view shows why: the row bounced, with the reason.
    const detail = await call('GET', `/api/v1/staff/applications/${appId}`, { token: await tokenOf('cora@mi-aimh.example.org') });
    expect((detail.body.deliveries as { id: string; status: string; lastError: string }[]).find((d) => d.id === pat.id)).toMatchObject({
      status: 'bounced',
      lastError: 'reported as spam by its recipient (SendGrid)',
    });
    expect((await call('DELETE', path, { token: await tokenOf('cora@mi-aimh.example.org') })).status).toBe(204);
    expect(await system.ds.query(`SELECT count(*)::int AS n FROM email_suppressions WHERE email = 'pat@corp.example'`)).toEqual([{ n: 0 }]);
  });
});
