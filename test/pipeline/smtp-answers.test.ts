import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import { FaultEnv } from '../support/fault-env.js';
import { header } from '../support/mail-reading.js';
import { fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { WorkerProcess } from '../support/worker-process.js';
import { waitFor } from '../support/worker-harness.js';

const env = new FaultEnv();
let worker: WorkerProcess | undefined;

beforeAll(() => env.setUp());
afterAll(async () => {
  await worker?.kill('SIGTERM');
  await env.tearDown();
});

const ledger = async (tag: string) =>
  await env.ds.query<{ id: string; email: string; status: string; message_id: string | null; smtp_response: string | null }[]>(
    `SELECT id, recipient_email AS email, status, message_id, smtp_response FROM email_deliveries WHERE recipient_email LIKE $1 ORDER BY recipient_email`,
    [`applicant-${tag}-%`],
  );

test('each 250 is recorded as it arrives: the emails sent beside a slow one are marked sent while it is still on its way', async () => {
  const ids = await seedSubmitted(env.ds, 10, 'slow');
  await fireAll(env.ds, ids, 'hold', 'waiting for the processing fee'); // committed before the worker starts: one claimed slice of 10
  const slow = 'applicant-slow-1@example.org';
  env.smtp.held.add(slow);
  worker = await new WorkerProcess(env.workerEnv({ LOG_LEVEL: 'debug' })).start();

  await waitFor(
    'the slow message at the server, unanswered',
    () => env.smtp.waiting,
    (n) => n === 1,
  );
  const others = await waitFor(
    'the other 9 marked sent',
    () => ledger('slow'),
    (rows) => rows.filter((r) => r.status === 'sent').length === 9,
    30_000,
  );
  expect(others.find((r) => r.email === slow)?.status).toBe('sending');

  env.smtp.letGo();
  const rows = await waitFor(
    'the slow one marked sent too',
    () => ledger('slow'),
    (r) => r.every((d) => d.status === 'sent'),
  );
  // The Message-ID is the ledger row's own, recorded with the 250.
  for (const row of rows) {
    expect(row.message_id).toMatch(new RegExp(`^<ledger-${row.id}\\.[0-9a-f]{16}@endorsement\\.local>$`));
    expect(env.smtp.to(row.email).map((m) => header(m, 'Message-ID'))).toEqual([row.message_id]);
  }
}, 90_000);

test('a 550 that names the recipient: the server words stay on the ledger row for staff, the failed job and the logs carry no address', async () => {
  const address = 'applicant-gone-1@example.org';
  // Greylisted first, so that the mail queue's job is the one the 550 fails (the dashboard shows its error).
  env.smtp.deferred.set(address, 1);
  env.smtp.rejected.add(address);
  const [appId] = await seedSubmitted(env.ds, 1, 'gone');
  await fireAll(env.ds, [appId], 'hold', 'waiting for the processing fee');

  const [row] = await waitFor(
    'the delivery failed',
    () => ledger('gone'),
    (r) => r[0]?.status === 'failed',
  );
  expect(row.smtp_response).toContain(`550 5.1.1 <${address}>`);
  const redis = new Redis(env.redisUrl);
  try {
    const job = await waitFor(
      'the failed job',
      () => redis.hgetall(`${env.redis.prefix}:mail:email-${row.id}`),
      (j) => !!j.failedReason,
    );
    expect(job.failedReason).toMatch(/^delivery \S+ rejected: .*550 5\.1\.1 <\[address\]>: Recipient address rejected/);
    expect(JSON.parse(job.stacktrace).length).toBeGreaterThan(0);
    expect(JSON.stringify(job)).not.toContain(address);
  } finally {
    redis.disconnect();
  }
  await waitFor(
    'the failure logged',
    () => worker!.output,
    (out) => out.includes(`"jobId":"email-${row.id}"`) && out.includes('job failed'),
  );
  expect(worker!.output).not.toContain(address);
}, 90_000);
