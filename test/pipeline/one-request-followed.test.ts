import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import { loadFramework } from '#framework';
import { seedAccount } from '../api/auth-harness.js';
import { AppProcess } from '../support/app-process.js';
import { insertApplication } from '../support/application-fixture.js';
import { FaultEnv } from '../support/fault-env.js';
import { header } from '../support/mail-reading.js';
import { WorkerProcess } from '../support/worker-process.js';
import { waitFor } from '../support/worker-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; req?: { id?: string; url?: string } };

/** The JSON log lines a process printed (other output, such as a stack trace, is skipped). */
function logLines(output: string): LogLine[] {
  return output.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

describe('one request followed from the click to the SMTP answer', () => {
  const env = new FaultEnv();
  const coordinator = { email: 'cora@mi-aimh.example', password: 'a long coordinator passphrase' };
  let api: AppProcess;
  let worker: WorkerProcess;
  let token: string;

  /** A submitted application and its applicant's address. */
  const submitted = async () => {
    const id = await insertApplication(env.ds, loadFramework(), { state: 'submitted' });
    const [{ email }] = await env.ds.query<{ email: string }[]>(`SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [
      id,
    ]);
    return { id, email };
  };

  /** A coordinator puts the application on hold (the applicant gets an email), sending `requestId` as X-Request-ID. */
  const hold = (applicationId: string, requestId: string) =>
    fetch(api.url(`/api/v1/staff/applications/${applicationId}/transitions`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '"0"', 'x-request-id': requestId },
      body: JSON.stringify({ event: 'hold', reason: 'Waiting for the transcript of your coursework.' }),
    });

  const ledgerRow = (applicationId: string) =>
    waitFor(
      'the email sent',
      async () =>
        (
          await env.ds.query<{ id: string; status: string; request_id: string | null }[]>(
            `SELECT id, status, request_id FROM email_deliveries WHERE application_id = $1`,
            [applicationId],
          )
        )[0],
      (row) => row?.status === 'sent',
    );

  beforeAll(async () => {
    await env.setUp();
    await seedAccount(env.ds, { ...coordinator, roles: ['coordinator'], associationCode: 'MI-AIMH' });
    [api, worker] = await Promise.all([
      new AppProcess('api', { ...env.workerEnv(), LOG_LEVEL: 'info' }).start(),
      new WorkerProcess(env.workerEnv({ LOG_LEVEL: 'info' })).start(),
    ]);
    const login = await fetch(api.url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(coordinator),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });

  afterAll(async () => {
    await Promise.all([api?.kill('SIGTERM'), worker?.kill('SIGTERM')]);
    await env.tearDown();
  });

  test('the X-Request-ID of a click reaches the outbox row, the job, the ledger row, the email header and every log line on the way', async () => {
    const requestId = 'op-trace.4711_a';
    const { id: applicationId, email } = await submitted();
    const res = await hold(applicationId, requestId);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(requestId);

    const outbox = await env.ds.query<{ id: string; request_id: string }[]>(`SELECT id, request_id FROM outbox WHERE application_id = $1 ORDER BY id`, [
      applicationId,
    ]);
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.map((r) => r.request_id)).toEqual(outbox.map(() => requestId));

    const row = await ledgerRow(applicationId);
    expect(row.request_id).toBe(requestId);
    const [message] = await waitFor(
      'the email at the server',
      () => env.smtp.to(email),
      (m) => m.length === 1,
    );
    expect(header(message, 'X-Request-ID')).toBe(requestId);

    // The relay's job: one run of this transition's rows, named by their ids.
    const jobId = `outbox-${outbox[0].id}-to-${outbox.at(-1)!.id}-n${outbox.length}`;
    const redis = new Redis(env.redisUrl);
    try {
      const job = await redis.hgetall(`${env.redis.prefix}:effects:${jobId}`);
      expect(JSON.parse(job.data)).toEqual({ outboxIds: outbox.map((r) => String(r.id)), requestId });
    } finally {
      redis.disconnect();
    }

    // The request line (written as the response ends), the job's and the SMTP answer's.
    const requestLine = await waitFor(
      'the request line',
      () => logLines(api.output).find((l) => l.req?.id === requestId && l.msg === 'request completed'),
      Boolean,
    );
    expect(requestLine!.req!.url).toBe(`/api/v1/staff/applications/${applicationId}/transitions`);
    const workerLines = await waitFor(
      "the job's line and the SMTP answer's",
      () => logLines(worker.output).filter((l) => l.requestId === requestId),
      (lines) => lines.some((l) => l.msg === 'job done') && lines.some((l) => l.msg === 'email sent'),
    );
    expect(workerLines.find((l) => l.msg === 'job done')).toMatchObject({ job: 'apply-effects', jobId });
    expect(workerLines.find((l) => l.msg === 'email sent')).toMatchObject({ deliveryId: row.id, template: 'on_hold', answer: expect.stringMatching(/^250 /) });
    // No personal data on the way.
    expect(api.output + worker.output).not.toContain(email);
  });

  test('an X-Request-ID that is not a short safe token is replaced by a new id, which the request carries instead', async () => {
    const bad = 'Jane Doe <jane@example.org>';
    const { id: applicationId, email } = await submitted();
    const res = await hold(applicationId, bad);
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id')!;
    expect(requestId).toMatch(UUID);

    const [outbox] = await env.ds.query<{ request_id: string }[]>(`SELECT request_id FROM outbox WHERE application_id = $1`, [applicationId]);
    expect(outbox.request_id).toBe(requestId);
    expect((await ledgerRow(applicationId)).request_id).toBe(requestId);
    const [message] = await waitFor(
      'the email at the server',
      () => env.smtp.to(email),
      (m) => m.length === 1,
    );
    expect(header(message, 'X-Request-ID')).toBe(requestId);
    await waitFor('the request line', () => logLines(api.output).some((l) => l.req?.id === requestId), Boolean);
    expect(api.output + worker.output).not.toMatch(/Jane Doe|jane@example\.org/);
  });

  test('an email a request records itself (no outbox row: a password reset link) carries its id too: ledger row, mail job, header, log', async () => {
    const requestId = 'reset-0815';
    const res = await fetch(api.url('/api/v1/auth/password-reset-requests'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ email: coordinator.email }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const [row] = await waitFor(
      'the reset email sent',
      () =>
        env.ds.query<{ id: string; status: string; request_id: string }[]>(
          `SELECT id, status, request_id FROM email_deliveries WHERE template = 'password_reset'`,
        ),
      (rows) => rows[0]?.status === 'sent',
    );
    expect(row.request_id).toBe(requestId);
    const redis = new Redis(env.redisUrl);
    try {
      expect(JSON.parse((await redis.hgetall(`${env.redis.prefix}:mail:email-${row.id}`)).data)).toEqual({ deliveryId: row.id, requestId });
    } finally {
      redis.disconnect();
    }
    const [message] = await waitFor(
      'the email at the server',
      () => env.smtp.to(coordinator.email),
      (m) => m.length === 1,
    );
    expect(header(message, 'X-Request-ID')).toBe(requestId);
    await waitFor(
      'the SMTP answer line',
      () => logLines(worker.output).find((l) => l.requestId === requestId && l.msg === 'email sent' && l.job === 'send-email'),
      Boolean,
    );
  });

  test('jobs no request caused run under their own id: a sweep logs as sweep:<job id>', async () => {
    // The reminder sweep runs every second here (REMINDER_SWEEP_EVERY_MS).
    const line = await waitFor('a sweep line', () => logLines(worker.output).find((l) => l.job === 'sweep-reminders' && l.msg === 'job done'), Boolean);
    expect(line!.requestId).toBe(`sweep:${line!.jobId as string}`);
  });
});
