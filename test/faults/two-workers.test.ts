import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { FaultEnv } from '../support/fault-env.js';
import { WorkerProcess } from '../support/worker-process.js';
import { deliveriesSeen, duplicates, fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { header } from '../support/mail-reading.js';
import { waitFor } from '../support/worker-harness.js';

const APPS = 150;
const env = new FaultEnv();

beforeAll(() => env.setUp());
afterAll(() => env.tearDown());

test('(f) two workers with two relays and two sweeps: no email twice, no reminder twice', async () => {
  const workers = await Promise.all([new WorkerProcess(env.workerEnv()).start(), new WorkerProcess(env.workerEnv()).start()]);
  try {
    const ids = await seedSubmitted(env.ds, APPS, 'two');
    await fireAll(env.ds, ids, 'begin_reference_checks');
    await waitFor('requests and notices sent', () => env.sentCount(), (n) => n === 2 * APPS, 90_000);
    await env.ds.query(`UPDATE reminders SET due_at = now() - interval '1 second' WHERE offset_days IN (7, 14) AND kind = 'reference_reminder'`);
    await waitFor('both reminders sent', () => env.sentCount(), (n) => n === 4 * APPS, 90_000);
    await new Promise((r) => setTimeout(r, 3_000)); // further sweeps on both workers find nothing
    const [{ relays }] = await env.ds.query(
      `SELECT count(*)::int AS relays FROM pg_stat_activity WHERE application_name = 'outbox-relay-listener' AND datname = current_database()`,
    );
    expect(relays).toBe(2); // two relays were listening all along
  } finally {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
  }
  const reminders = env.smtp.messages.filter((m) => header(m, 'X-Template') === 'reference_reminder');
  expect(reminders).toHaveLength(2 * APPS);
  expect(deliveriesSeen(env.smtp).size).toBe(4 * APPS);
  expect(duplicates(env.smtp)).toBe(0);
}, 240_000);
