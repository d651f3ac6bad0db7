import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import type { PinoLogger } from 'nestjs-pino';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#config';
import { dataSourceOptions, runMigrations } from '#db';
import { EmailDeliveriesRepository } from '#mail';
import { JOBS, openJobQueues, type JobQueues } from '#queue';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay.service.js';
import { OutboxRepository } from '../../apps/worker/src/outbox/outbox.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix } from '../support/test-redis.js';
import { testConfig } from '../support/test-config.js';
import { waitFor } from '../support/worker-harness.js';

// The relay on its own, against real PostgreSQL and Redis, with no worker consuming: what it hands
// over is exactly what waits in the apply-effects queue.
const KEEP_GAPS_MS = 1_500;
const silent = { warn: () => undefined } as unknown as PinoLogger;
const redis = createTestRedisPrefix();
let db: TestDatabase;
let config: AppConfig;
let ds: DataSource;
let jobs: JobQueues;
let closeJobs: () => Promise<void>;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  config = testConfig({ databaseUrl: db.url, redisPrefix: redis.prefix, smtpPort: 1, REPUBLISH_AFTER_MS: KEEP_GAPS_MS });
  ds = await new DataSource(dataSourceOptions(config, 'relay-test')).initialize();
  await runMigrations(ds);
  ({ jobs, close: closeJobs } = openJobQueues(config));
});

afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.onApplicationShutdown();
  await jobs.queue(JOBS.applyEffects.queue).obliterate({ force: true });
  await ds.query(`DELETE FROM outbox`);
});

afterAll(async () => {
  await closeJobs();
  await ds.destroy();
  await redis.cleanup();
  await db.drop();
});

function relay(): OutboxRelay {
  const r = new OutboxRelay(ds, new OutboxRepository(ds), new EmailDeliveriesRepository(ds), jobs, config, silent);
  relays.push(r);
  return r;
}

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

async function insertRows(count: number, query: Query = (sql, params) => ds.query(sql, params)): Promise<string[]> {
  const rows = (await query(
    `INSERT INTO outbox (effect_type, payload, created_at) SELECT 'email.applicant', '{"type":"email.applicant"}', now() FROM generate_series(1, $1) RETURNING id`,
    [count],
  )) as { id: string }[];
  return rows.map((r) => String(r.id));
}

/** Every outbox id in the jobs waiting in Redis, in order, repeats included. */
async function enqueuedIds(): Promise<string[]> {
  const waiting = await jobs.queue(JOBS.applyEffects.queue).getJobs(['waiting']);
  return waiting.flatMap((j) => (j.data as { outboxIds: string[] }).outboxIds).sort((a, b) => Number(a) - Number(b));
}

const unpublished = async () => (await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox_unpublished`))[0].n;

test('a backlog goes out in order, once, as runs of consecutive rows, and the cursor records it', async () => {
  const ids = await insertRows(1_234);
  expect(await unpublished()).toBe(1_234);
  expect(await relay().publishPending()).toBe(1_234);
  expect(await enqueuedIds()).toEqual(ids);
  const waiting = await jobs.queue(JOBS.applyEffects.queue).getJobs(['waiting']);
  expect(Math.max(...waiting.map((j) => (j.data as { outboxIds: string[] }).outboxIds.length))).toBe(50);
  expect(await unpublished()).toBe(0);
  const [{ published_through }] = await ds.query<{ published_through: string }[]>(`SELECT published_through FROM outbox_relay`);
  expect(published_through).toBe(ids.at(-1));
});

/** A transaction of its own that takes outbox ids now and ends when the test says. */
async function openTransaction(count: number): Promise<{ ids: string[]; commit(): Promise<void>; rollback(): Promise<void> }> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query('BEGIN');
  const ids = await insertRows(count, async (sql, params) => (await client.query(sql, params)).rows);
  const end = async (how: string) => {
    await client.query(how);
    await client.end();
  };
  return { ids, commit: () => end('COMMIT'), rollback: () => end('ROLLBACK') };
}

const gaps = async () => (await ds.query<{ gap_ids: string[] }[]>(`SELECT gap_ids FROM outbox_relay`))[0].gap_ids;

test('a row whose transaction commits after later rows went out is published on the next pass, once', async () => {
  const r = relay();
  const slow = await openTransaction(2);
  const quick = await insertRows(3);
  expect(await r.publishPending()).toBe(3);
  expect(await gaps()).toEqual(slow.ids); // passed before they could be seen
  expect(await unpublished()).toBe(0);

  await slow.commit();
  expect(await unpublished()).toBe(2); // still owed, and the view says so
  expect(await r.publishPending()).toBe(2);
  expect(await enqueuedIds()).toEqual([...slow.ids, ...quick]);
  expect(await gaps()).toEqual([]);
  expect(await r.publishPending()).toBe(0);
  expect(await enqueuedIds()).toHaveLength(5);
});

test('ids of a rolled-back transaction are forgotten after REPUBLISH_AFTER_MS', async () => {
  const r = relay();
  const doomed = await openTransaction(1);
  await insertRows(1);
  await r.publishPending();
  expect(await gaps()).toEqual(doomed.ids);
  await doomed.rollback();
  expect(await r.publishPending()).toBe(0);
  expect(await gaps()).toEqual(doomed.ids); // not yet: it might still commit
  await waitFor(
    'the gap forgotten',
    async () => (await r.publishPending(), await gaps()),
    (g) => g.length === 0,
    KEEP_GAPS_MS * 4,
  );
  expect(await enqueuedIds()).toHaveLength(1);
});

test('two relays: one publishes; when its session ends the other carries on from its cursor', async () => {
  const first = relay();
  const second = relay();
  const before = await insertRows(700);
  expect(await first.publishPending()).toBe(700);
  const after = await insertRows(300);
  expect(await second.publishPending()).toBe(0); // standing by while the first holds the lock
  await first.onApplicationShutdown();
  expect(await second.publishPending()).toBe(300);
  expect(await enqueuedIds()).toEqual([...before, ...after]);
});

test('cursor moves lost in a crash: the same batches go out again and Redis keeps one job each', async () => {
  const ids = await insertRows(1_200);
  const first = relay();
  await first.publishPending();
  await first.onApplicationShutdown();
  const jobCount = await jobs.queue(JOBS.applyEffects.queue).getWaitingCount();
  await ds.query(`UPDATE outbox_relay SET published_through = $1`, [String(BigInt(ids[0]) - 1n)]);
  expect(await unpublished()).toBe(1_200);

  expect(await relay().publishPending()).toBe(1_200);
  expect(await jobs.queue(JOBS.applyEffects.queue).getWaitingCount()).toBe(jobCount);
  expect(await enqueuedIds()).toEqual(ids);
  expect(await unpublished()).toBe(0);
});
