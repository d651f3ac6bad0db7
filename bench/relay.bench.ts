/**
 * Outbox rows → enqueued jobs, in rows per second, through the outbox relay as NOTIFY wakes it
 * (`publishPending`: batches of 500 read after its cursor, cut into `apply-effects` runs of 50, one
 * BullMQ addBulk each with deterministic job ids, the cursor moved once Redis has them), beside a
 * same-run baseline that adds the same jobs (names, ids, payloads, options) with BullMQ
 * `Queue.addBulk`, one call per 500 rows, and no database. Every row carries a request id of its own
 * (the worst case: under load a run's rows come from as many requests), which the runs name. The relay's session and lock are taken
 * before the clock starts, as in a running worker. No worker consumes the jobs. Every round gets
 * fresh outbox rows and a fresh Redis prefix for each side, so job-id deduplication cannot make a
 * later round cheap. Rounds alternate; medians are compared.
 */
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '#config';
import { dataSourceOptions, runMigrations } from '#db';
import { emptyPortfolio, loadFramework } from '#framework';
import { EmailDeliveriesRepository } from '#mail';
import { JOBS, openJobQueues, queueOptions, type PayloadOf } from '#queue';
import { OutboxRelay } from '../apps/worker/src/outbox/outbox-relay.service.js';
import { OutboxRepository } from '../apps/worker/src/outbox/outbox.repository.js';
import { runsOf } from '../apps/worker/src/outbox/outbox-runs.js';
import { createBenchDatabase, median, printResult, seedApplications } from './support/bench-database.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes, redisVersion } from './support/bench-redis.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHUNK = 500; // the relay's batch size
const TARGET = 0.5;

/** Never called in a benchmark round (only the relay's polling loop logs), but the constructor wants one. */
const quietLogger = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as unknown as PinoLogger;

function configFor(databaseUrl: string, prefix: string): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MAIL_CATCHER: 'off',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '2',
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: prefix,
  });
}

interface Seeded {
  ids: string[];
  requestIds: Map<string, string>;
}

/** The jobs the relay adds for these rows: per batch of CHUNK rows, its runs (one addBulk each). */
function relayBatches({ ids, requestIds }: Seeded): PayloadOf<'applyEffects'>[][] {
  const batches = [];
  for (let i = 0; i < ids.length; i += CHUNK) batches.push(runsOf(ids.slice(i, i + CHUNK), requestIds));
  return batches;
}

/** Fresh unpublished rows for one round (untimed); returns their ids as the relay reads them, and their request ids. */
async function seedOutbox(ds: DataSource, applicationId: string, count: number): Promise<Seeded> {
  await ds.query(`DELETE FROM outbox`);
  await ds.query(`VACUUM ANALYZE outbox`);
  const rows = await ds.query<{ id: string; request_id: string }[]>(
    `INSERT INTO outbox (application_id, effect_type, payload, created_at, request_id)
     SELECT $1, 'email.applicant', '{"type":"email.applicant","template":"on_hold"}'::jsonb, now(), gen_random_uuid() FROM generate_series(1, $2)
     RETURNING id, request_id`,
    [applicationId, count],
  );
  await ds.query(`ANALYZE outbox`);
  return { ids: rows.map((r) => String(r.id)), requestIds: new Map(rows.map((r) => [String(r.id), r.request_id])) };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const baseConfig = configFor(db.url, benchRedisPrefix());
  const ds = await new DataSource(dataSourceOptions(baseConfig, 'bench')).initialize();
  const prefixes: string[] = [];
  try {
    await runMigrations(ds);
    const [applicationId] = await seedApplications(ds, loadFramework().rulesSnapshot('MI-AIMH', 'IFA'), emptyPortfolio(), 1);

    /** Ours: the relay's publishPending(), as when NOTIFY wakes it; returns rows/s. */
    const viaRelay = async (count: number): Promise<{ rate: number; rows: Seeded }> => {
      const prefix = benchRedisPrefix();
      prefixes.push(prefix);
      const config = configFor(db.url, prefix);
      const { jobs, close } = openJobQueues(config);
      const relay = new OutboxRelay(ds, new OutboxRepository(ds), new EmailDeliveriesRepository(ds), jobs, config, quietLogger);
      try {
        await jobs.queue(JOBS.applyEffect.queue).waitUntilReady(); // producers do not buffer while connecting
        // A running relay: its session open and the publisher lock held before the rows arrive.
        if ((await relay.publishPending()) !== 0) throw new Error('rows left from an earlier round');
        const rows = await seedOutbox(ds, applicationId, count);
        const started = performance.now();
        const published = await relay.publishPending();
        const seconds = (performance.now() - started) / 1000;
        if (published !== count) throw new Error(`relay published ${published} of ${count} rows`);
        const [{ left }] = await ds.query<{ left: number }[]>(`SELECT count(*)::int AS left FROM outbox_unpublished`);
        const waiting = await jobs.queue(JOBS.applyEffects.queue).getWaitingCount();
        const expected = relayBatches(rows).flat().length;
        if (left !== 0 || waiting !== expected)
          throw new Error(`after the relay: ${left} rows unpublished, ${waiting} jobs waiting (expected 0 and ${expected})`);
        return { rate: count / seconds, rows };
      } finally {
        await relay.onApplicationShutdown();
        await close();
        await deleteRedisPrefixes([prefix]);
      }
    };

    /**
     * Baseline: jobs straight into BullMQ, one addBulk per 500 rows, no database; returns rows/s.
     * `runs`: the same jobs the relay adds (the target's baseline). `perRow`: one job per row, what
     * the relay enqueued before rows travelled in runs, printed for comparison.
     */
    const viaAddBulk = async (rows: Seeded, shape: 'runs' | 'perRow'): Promise<number> => {
      const prefix = benchRedisPrefix();
      prefixes.push(prefix);
      const batches =
        shape === 'runs'
          ? relayBatches(rows).map((runs) =>
              runs.map((run) => ({ name: JOBS.applyEffects.name, data: run, opts: { ...JOBS.applyEffects.options, jobId: JOBS.applyEffects.jobId(run) } })),
            )
          : relayBatches(rows).map((runs) =>
              runs
                .flatMap((run) => run.outboxIds)
                .map((outboxId) => ({
                  name: JOBS.applyEffect.name,
                  data: { outboxId, requestId: rows.requestIds.get(outboxId) },
                  opts: { ...JOBS.applyEffect.options, jobId: JOBS.applyEffect.jobId({ outboxId }) },
                })),
            );
      // The same options as the relay's queue.
      const queue = new Queue(JOBS.applyEffects.queue, queueOptions(configFor(db.url, prefix)));
      try {
        await queue.waitUntilReady();
        const started = performance.now();
        for (const jobs of batches) await queue.addBulk(jobs);
        const seconds = (performance.now() - started) / 1000;
        const waiting = await queue.getWaitingCount();
        const expected = batches.flat().length;
        if (waiting !== expected) throw new Error(`baseline: ${waiting} jobs waiting, expected ${expected}`);
        return rows.ids.length / seconds;
      } finally {
        await queue.close();
        await deleteRedisPrefixes([prefix]);
      }
    };

    const warm = Math.max(CHUNK, Math.floor(ROWS / 10));
    const { rows: warmRows } = await viaRelay(warm); // warm-up both
    await viaAddBulk(warmRows, 'runs');
    await viaAddBulk(warmRows, 'perRow');
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const relayed = await viaRelay(ROWS);
      a.push(relayed.rate);
      b.push(await viaAddBulk(relayed.rows, 'runs'));
      c.push(await viaAddBulk(relayed.rows, 'perRow'));
      console.log(
        `round ${r + 1}: outbox relay ${a[r].toFixed(0)} rows/s, BullMQ addBulk of the same jobs ${b[r].toFixed(0)} rows/s, of one job per row ${c[r].toFixed(0)} rows/s`,
      );
    }

    const bullmq = (createRequire(import.meta.url)('bullmq/package.json') as { version: string }).version;
    const [{ server_version: pgVersion }] = await ds.query<{ server_version: string }[]>(`SHOW server_version`);
    console.log(
      `setup: ${ROWS} outbox rows per round, each with a request id of its own, batches of ${CHUNK}, ${ROUNDS} alternating rounds (+1 warm-up of ${warm}), fresh rows and Redis prefix per round, no consumer; ` +
        `node ${process.version}, bullmq ${bullmq}, redis ${await redisVersion()}, postgres ${pgVersion}`,
    );
    console.log(
      `outbox relay (median): ${median(a).toFixed(0)} rows/s; BullMQ addBulk of the same jobs (median, the baseline): ${median(b).toFixed(0)} rows/s; ` +
        `of one job per row: ${median(c).toFixed(0)} rows/s (relay ${(median(a) / median(c)).toFixed(2)}× that)`,
    );
    printResult({ bench: 'relay', value: median(a), unit: 'rows/s', baseline: median(b), target: TARGET });
  } finally {
    await ds.destroy();
    await deleteRedisPrefixes(prefixes);
    await db.drop();
  }
}

await main();
