import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { FaultEnv } from '../support/fault-env.js';
import { WorkerProcess } from '../support/worker-process.js';
import { deliveriesSeen, duplicates, fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { waitFor } from '../support/worker-harness.js';

const EMAILS = 100;
const env = new FaultEnv();

beforeAll(() => env.setUp());
afterAll(() => env.tearDown());

test('(c) the SMTP server down for 30 s: everything is delivered after it returns, nothing twice', async () => {
  const port = env.smtp.port;
  await env.smtp.stop();
  const worker = await new WorkerProcess(env.workerEnv()).start();
  try {
    const ids = await seedSubmitted(env.ds, EMAILS, 'smtp');
    await fireAll(env.ds, ids, 'hold', 'waiting for the processing fee');
    await new Promise((r) => setTimeout(r, 30_000));
    const [{ retried }] = await env.ds.query(`SELECT count(*)::int AS retried FROM email_deliveries WHERE attempts > 1 AND status = 'queued'`);
    expect(retried).toBeGreaterThan(0); // they were tried, failed transiently, and wait
    await env.smtp.start(port);
    await waitFor('all sent after SMTP returned', () => env.sentCount(), (n) => n === EMAILS, 120_000);
  } finally {
    await worker.kill('SIGTERM');
  }
  console.log(`(c) ${deliveriesSeen(env.smtp).size} delivered, ${duplicates(env.smtp)} duplicate(s)`);
  expect(deliveriesSeen(env.smtp).size).toBe(EMAILS);
  expect(duplicates(env.smtp)).toBe(0);
}, 240_000);
