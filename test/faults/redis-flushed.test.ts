import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import { FaultEnv } from '../support/fault-env.js';
import { RedisServer } from '../support/redis-server.js';
import { WorkerProcess } from '../support/worker-process.js';
import { deliveriesSeen, duplicates, fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { header } from '../support/mail-reading.js';
import { waitFor } from '../support/worker-harness.js';

const APPS = 100;
const env = new FaultEnv();
const redisServer = new RedisServer();

beforeAll(async () => {
  await redisServer.start();
  env.redisUrl = redisServer.url; // FLUSHALL must not wipe other tests' keys
  await env.setUp();
});
afterAll(async () => {
  await env.tearDown();
  redisServer.stop();
});

test('(b) FLUSHALL on Redis in the middle of a run: every email and reminder is still delivered', async () => {
  const redis = new Redis(redisServer.url);
  const worker = await new WorkerProcess(env.workerEnv()).start();
  try {
    const ids = await seedSubmitted(env.ds, APPS, 'flush');
    await fireAll(env.ds, ids, 'begin_reference_checks'); // a rater request and an applicant notice each
    await waitFor(
      'the first emails',
      () => env.smtp.messages.length,
      (n) => n >= 40,
      60_000,
    );
    await redis.flushall();

    await waitFor(
      'every request and notice sent',
      () => env.sentCount(),
      (n) => n === 2 * APPS,
      90_000,
    );

    // A week passes for the raters; Redis is wiped again, job scheduler and all.
    await env.ds.query(`UPDATE reminders SET due_at = now() - interval '1 second' WHERE kind = 'reference_reminder' AND offset_days = 7`);
    await redis.flushall();
    await waitFor(
      'every day-7 reminder sent',
      () => env.sentCount(),
      (n) => n === 3 * APPS,
      90_000,
    );
    await new Promise((r) => setTimeout(r, 2_500)); // more sweeps: nothing more may go out
  } finally {
    await worker.kill('SIGTERM');
    redis.disconnect();
  }
  const seen = deliveriesSeen(env.smtp);
  const reminders = env.smtp.messages.filter((m) => header(m, 'X-Template') === 'reference_reminder');
  console.log(`(b) ${seen.size} deliveries, ${env.smtp.messages.length} messages, ${duplicates(env.smtp)} duplicate(s)`);
  expect(seen.size).toBe(3 * APPS);
  expect(new Set(reminders.map((m) => m.to[0])).size).toBe(APPS);
  expect(duplicates(env.smtp)).toBeLessThanOrEqual(10); // at most the mail concurrency in flight at the wipe
  const [{ pending }] = await env.ds.query(
    `SELECT count(*)::int AS pending FROM reminders WHERE offset_days = 7 AND kind = 'reference_reminder' AND status <> 'done'`,
  );
  expect(pending).toBe(0);
}, 240_000);
