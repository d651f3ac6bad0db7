import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Queue } from 'bullmq';
import { FaultEnv } from '../support/fault-env.js';
import { WorkerProcess } from '../support/worker-process.js';
import { deliveriesSeen, duplicates, fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { waitFor } from '../support/worker-harness.js';

const env = new FaultEnv();

beforeAll(() => env.setUp());
afterAll(() => env.tearDown());

test('(e) a crash between commit and enqueue: the relay publishes on restart', async () => {
  // Transitions commit while no worker runs: their effects exist only as outbox rows, as after a
  // crash right after the commit. A worker killed mid-relay leaves the same state.
  const ids = await seedSubmitted(env.ds, 50, 'crash');
  await fireAll(env.ds, ids, 'hold', 'waiting for the processing fee');
  const [{ unpublished }] = await env.ds.query(`SELECT count(*)::int AS unpublished FROM outbox_unpublished`);
  expect(unpublished).toBe(50);

  const worker = await new WorkerProcess(env.workerEnv()).start();
  try {
    await waitFor(
      'all 50 sent',
      () => env.sentCount(),
      (n) => n === 50,
      60_000,
    );
    // And a row whose job Redis lost after it was published (here: the job removed, the row's
    // effect not yet applied) is published again.
    const [{ id }] = await env.ds.query(`SELECT min(id) AS id FROM outbox`);
    await env.ds.query(`UPDATE outbox SET processed_at = NULL WHERE id = $1`, [id]);
    const effects = new Queue('effects', { connection: { url: env.redisUrl }, prefix: env.redis.prefix });
    // The relay published the row in a run of rows (one apply-effects job); find that run's job.
    const job = (await effects.getJobs(['completed'])).find((j) => (j.data as { outboxIds?: string[] }).outboxIds?.includes(String(id)));
    expect(job).toBeDefined(); // kept as completed: a republish of the same run would be a no-op
    await job!.remove();
    expect(await effects.getJob(job!.id!)).toBeUndefined();
    await effects.close();
    await waitFor(
      'the lost row processed again',
      async () => (await env.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`))[0].n,
      (n) => n === 0,
      30_000,
    );
  } finally {
    await worker.kill('SIGTERM');
  }
  expect(deliveriesSeen(env.smtp).size).toBe(50);
  expect(duplicates(env.smtp)).toBe(0); // the ledger's business key kept the second run from sending again
}, 120_000);
