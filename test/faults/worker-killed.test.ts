import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import type { QueryRunner } from 'typeorm';
import { FaultEnv } from '../support/fault-env.js';
import { RedisServer } from '../support/redis-server.js';
import { WorkerProcess } from '../support/worker-process.js';
import { header } from '../support/mail-reading.js';
import { deliveriesSeen, duplicates, fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { waitFor } from '../support/worker-harness.js';

const EMAILS = 500;
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

/**
 * Locks the ledger against writes (PostgreSQL slow to answer at the worst moment) at a time when
 * rows are being sent: the worker's sends go on, their sent marks wait. Returns the lock's holder
 * and the rows `sending` under it, which stay as they are until the lock is let go.
 */
async function holdBackSentMarks(): Promise<{ lock: QueryRunner; sending: Set<string> }> {
  return waitFor(
    'rows being sent while the ledger is locked',
    async () => {
      const lock = env.ds.createQueryRunner();
      await lock.startTransaction();
      await lock.query(`LOCK TABLE email_deliveries IN EXCLUSIVE MODE`);
      const rows = (await lock.query(`SELECT id FROM email_deliveries WHERE status = 'sending'`)) as { id: string }[];
      if (!rows.length) {
        await lock.rollbackTransaction();
        await lock.release();
      }
      return { lock, sending: new Set(rows.map((r) => r.id)) };
    },
    ({ sending }) => sending.size > 0,
    60_000,
  );
}

test('(a) SIGKILL of the worker in the middle of 500 emails, then Redis wiped: all 500 arrive; only rows `sending` at the kill may go twice, with their first Message-ID', async () => {
  const ids = await seedSubmitted(env.ds, EMAILS, 'kill');
  await fireAll(env.ds, ids, 'hold', 'waiting for the processing fee'); // one on_hold email each

  const first = await new WorkerProcess(env.workerEnv()).start();
  await waitFor(
    'the first 100 emails',
    () => env.smtp.messages.length,
    (n) => n >= 100,
    60_000,
  );
  const { lock, sending } = await holdBackSentMarks();
  // A 250 the worker has not recorded yet: the kill lands in the window a re-send comes from.
  await waitFor(
    'a 250 not yet marked sent',
    () => [...sending].some((id) => deliveriesSeen(env.smtp).has(id)),
    (seen) => seen,
    30_000,
  );
  await first.kill('SIGKILL');
  const receivedAtKill = env.smtp.messages.length;
  // Statements the worker sent before it died wait on the lock and would still run after it (PostgreSQL
  // notices a dead client only when it next talks to it): end them, as if the crash came just before.
  await lock.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`);
  await lock.rollbackTransaction();
  await lock.release();
  const redis = new Redis(redisServer.url);
  await redis.flushall();
  redis.disconnect();

  const second = await new WorkerProcess(env.workerEnv()).start();
  try {
    await waitFor(
      'all 500 sent in the ledger',
      () => env.sentCount(),
      (n) => n === EMAILS,
      150_000,
    );
    await waitFor(
      'all 500 at the SMTP server',
      () => deliveriesSeen(env.smtp).size,
      (n) => n === EMAILS,
      10_000,
    );
  } finally {
    await second.kill('SIGTERM');
  }
  const seen = deliveriesSeen(env.smtp);
  const twice = [...seen].filter(([, messages]) => messages.length > 1).map(([id]) => id);
  const dupes = duplicates(env.smtp);
  console.log(`(a) received ${receivedAtKill} before the kill, ${sending.size} rows sending at the kill; ${EMAILS} delivered, ${dupes} duplicate(s)`);
  expect(seen.has('missing')).toBe(false);
  const [{ unsent }] = await env.ds.query(`SELECT count(*)::int AS unsent FROM email_deliveries WHERE status <> 'sent'`);
  expect(unsent).toBe(0);

  // A message went twice only if its row was `sending` when the worker died, and it went again as itself.
  expect(dupes).toBeGreaterThanOrEqual(1);
  expect(dupes).toBeLessThanOrEqual(sending.size);
  expect(twice.filter((id) => !sending.has(id))).toEqual([]);
  const recorded = new Map(
    (await env.ds.query<{ id: string; message_id: string }[]>(`SELECT id, message_id FROM email_deliveries`)).map((r) => [r.id, r.message_id]),
  );
  for (const [id, messages] of seen) {
    expect(recorded.get(id)).toMatch(new RegExp(`^<ledger-${id}\\.[0-9a-f]{16}@`));
    expect(messages.map((m) => header(m, 'Message-ID'))).toEqual(messages.map(() => recorded.get(id)));
  }
}, 300_000);
