import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { FaultEnv } from '../support/fault-env.js';
import { WorkerProcess } from '../support/worker-process.js';
import { deliveriesSeen, duplicates, fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { waitFor } from '../support/worker-harness.js';

const EMAILS = 100;
const env = new FaultEnv();

beforeAll(() => env.setUp());
afterAll(() => env.tearDown());

test('(c) the SMTP server down until every email has failed and been retried: everything is delivered after it returns, nothing twice', async () => {
  const port = env.smtp.port;
  await env.smtp.stop();
  const worker = await new WorkerProcess(env.workerEnv()).start();
  try {
    const ids = await seedSubmitted(env.ds, EMAILS, 'smtp');
    await fireAll(env.ds, ids, 'hold', 'waiting for the processing fee');
    // The outage lasts until it has been felt everywhere (each email tried, failed transiently, tried
    // again and waiting), however long that takes on a busy machine: a condition, not a 30 s guess.
    await waitFor(
      'every email retried while SMTP is down',
      async () => (await env.ds.query(`SELECT count(*)::int AS retried FROM email_deliveries WHERE attempts > 1 AND status = 'queued'`))[0].retried as number,
      (retried) => retried === EMAILS,
      180_000,
    );
    expect(await env.sentCount()).toBe(0);
    await env.smtp.start(port);
    await waitFor(
      'all sent after SMTP returned',
      () => env.sentCount(),
      (n) => n === EMAILS,
      240_000,
    );
  } finally {
    await worker.kill('SIGTERM');
  }
  console.log(`(c) ${deliveriesSeen(env.smtp).size} delivered, ${duplicates(env.smtp)} duplicate(s)`);
  expect(deliveriesSeen(env.smtp).size).toBe(EMAILS);
  expect(duplicates(env.smtp)).toBe(0);
}, 540_000);
