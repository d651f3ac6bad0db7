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

/** The relays' own sessions on this test's database, and which holds the publisher lock. */
const relaySessions = async () =>
  await env.ds.query<{ application_name: string; publishing: boolean }[]>(
    `SELECT a.application_name, l.granted IS TRUE AS publishing FROM pg_stat_activity a
       LEFT JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'advisory' AND l.granted
      WHERE a.application_name LIKE 'outbox-relay %' AND a.datname = current_database()`,
  );

test('(f) two workers with two relays and two sweeps: no email twice, no reminder twice; the publishing relay killed, the other takes over', async () => {
  const workers = await Promise.all([new WorkerProcess(env.workerEnv()).start(), new WorkerProcess(env.workerEnv()).start()]);
  try {
    const ids = await seedSubmitted(env.ds, APPS, 'two');
    await fireAll(env.ds, ids, 'begin_reference_checks');
    await waitFor(
      'requests and notices sent',
      () => env.sentCount(),
      (n) => n === 2 * APPS,
      90_000,
    );
    await env.ds.query(`UPDATE reminders SET due_at = now() - interval '1 second' WHERE offset_days IN (7, 14) AND kind = 'reference_reminder'`);
    await waitFor(
      'both reminders sent',
      () => env.sentCount(),
      (n) => n === 4 * APPS,
      90_000,
    );
    await new Promise((r) => setTimeout(r, 3_000)); // further sweeps on both workers find nothing
    const relays = await relaySessions();
    expect(relays).toHaveLength(2); // two relays were connected all along
    const publishing = relays.filter((r) => r.publishing);
    expect(publishing).toHaveLength(1); // one of them holds the publisher lock

    // The worker whose relay publishes dies: the other relay takes over and the next emails still go.
    const holder = workers.find((w) => publishing[0].application_name === `outbox-relay ${w.pid}`);
    expect(holder).toBeDefined();
    await holder!.kill('SIGKILL');
    await fireAll(env.ds, ids, 'hold', 'Waiting for your transcript.');
    await waitFor(
      'on-hold notices sent through the other relay',
      () => env.sentCount(),
      (n) => n === 5 * APPS,
      90_000,
    );
    const survivor = workers.find((w) => w !== holder)!;
    expect(await relaySessions()).toEqual([{ application_name: `outbox-relay ${survivor.pid}`, publishing: true }]);
  } finally {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
  }
  const reminders = env.smtp.messages.filter((m) => header(m, 'X-Template') === 'reference_reminder');
  expect(reminders).toHaveLength(2 * APPS);
  expect(env.smtp.messages.filter((m) => header(m, 'X-Template') === 'on_hold')).toHaveLength(APPS);
  expect(deliveriesSeen(env.smtp).size).toBe(5 * APPS);
  expect(duplicates(env.smtp)).toBe(0);
}, 240_000);
