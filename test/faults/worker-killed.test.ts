import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { FaultEnv } from '../support/fault-env.js';
import { WorkerProcess } from '../support/worker-process.js';
import { deliveriesSeen, duplicates, fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { waitFor } from '../support/worker-harness.js';

const EMAILS = 500;
const env = new FaultEnv();

beforeAll(() => env.setUp());
afterAll(() => env.tearDown());

test('(a) SIGKILL of the worker in the middle of 500 emails: after restart all 500 arrive, duplicates at most those in flight', async () => {
  const ids = await seedSubmitted(env.ds, EMAILS, 'kill');
  await fireAll(env.ds, ids, 'hold', 'waiting for the processing fee'); // one on_hold email each

  const first = await new WorkerProcess(env.workerEnv()).start();
  await waitFor('the first 100 emails', () => env.smtp.messages.length, (n) => n >= 100, 60_000);
  await first.kill('SIGKILL');
  const [{ inFlight }] = await env.ds.query(`SELECT count(*)::int AS "inFlight" FROM email_deliveries WHERE status = 'sending'`);
  const receivedAtKill = env.smtp.messages.length;

  const second = await new WorkerProcess(env.workerEnv()).start();
  try {
    await waitFor('all 500 sent in the ledger', () => env.sentCount(), (n) => n === EMAILS, 150_000);
    await waitFor('all 500 at the SMTP server', () => deliveriesSeen(env.smtp).size, (n) => n === EMAILS, 10_000);
  } finally {
    await second.kill('SIGTERM');
  }
  const dupes = duplicates(env.smtp);
  console.log(`(a) received ${receivedAtKill} before the kill, ${inFlight} in flight at the kill; ${EMAILS} delivered, ${dupes} duplicate(s)`);
  expect(deliveriesSeen(env.smtp).has('missing')).toBe(false);
  expect(dupes).toBeLessThanOrEqual(inFlight);
  const [{ failed }] = await env.ds.query(`SELECT count(*)::int AS failed FROM email_deliveries WHERE status <> 'sent'`);
  expect(failed).toBe(0);
}, 240_000);
