/**
 * The renewal sweep at 100,000 and 1,000,000 endorsees (a tenth of them due: their renewal opens
 * within the lead time), beside a same-run baseline: raw SQL selecting the same due rows plus
 * BullMQ addBulk of the same jobs. Each sweep runs in a child process of its own, so its peak RSS
 * (maxRSS) is its own; rounds alternate ours/baseline on fresh Redis prefixes; medians are compared.
 * Targets: time ≤ 1.5× the baseline's; peak RSS ≤ 300 MB and flat from 100,000 to 1,000,000.
 *
 * Both children run with the worker's heap budget (WORKER_NODE_ARGS, as the worker is deployed): left alone,
 * V8 lets garbage pile up to ~190 MB of heap before a major collection whatever the process keeps,
 * so uncapped peak RSS says more about the collector than about the sweep. One uncapped run of the
 * sweep per size is printed beside, for comparison. Another budget: BENCH_WORKER_NODE_ARGS="--max-old-space-size=256"
 * (added after the worker's flags; V8 takes the last).
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions, runMigrations } from '#db';
import { loadFramework } from '#framework';
import { WORKER_NODE_ARGS } from '../apps/worker/src/worker-node-args.js';
import { createBenchDatabase, median, printResult } from './support/bench-database.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes, redisVersion } from './support/bench-redis.js';

const SIZES = (process.env.BENCH_RENEWAL_SIZES ?? '100000,1000000').split(',').map(Number);
const DUE_SHARE = 0.1;
const SECOND_SHARE = 0.1;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NODE_ARGS = [...WORKER_NODE_ARGS, ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
const CHILD = fileURLToPath(new URL('./renewal-sweep.child.js', import.meta.url));
const run = promisify(execFile);

interface Sample {
  ms: number;
  jobs: number;
  maxRssMb: number;
}

/**
 * Adds endorsees (MI-AIMH, endorsed) until there are `total`: a DUE_SHARE of the new ones due
 * within the 60-day lead time of `today`, the rest due next year; a SECOND_SHARE of them hold a
 * second category on the same cycle, which the sweep takes as one job with the first. Bulk setup
 * with generate_series; rules and portfolio are minimal because the sweep reads neither.
 */
async function seedUpTo(db: pg.Client, from: number, total: number, today: DateTime): Promise<void> {
  const soon = today.plus({ days: 30 }).toISODate();
  const later = today.plus({ days: 400 }).toISODate();
  await db.query(
    `WITH p AS (
       INSERT INTO people (association_code, email, full_name)
       SELECT 'MI-AIMH', 'endorsee-' || g || '@example.org', 'Endorsee' FROM generate_series($1::int, $2::int) g RETURNING id),
     a AS (
       INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio,
                                 endorsed_at, renewal_due_on, state_changed_at, created_at, updated_at)
       SELECT 'MI-AIMH', p.id, 'IFA', 'endorsed', 'bench', '{}', '{}', now() - interval '2 years',
              CASE WHEN random() < $3 THEN $4::date ELSE $5::date END, now(), now(), now() FROM p
       RETURNING applicant_id, endorsed_at, renewal_due_on)
     INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio,
                               endorsed_at, renewal_due_on, state_changed_at, created_at, updated_at)
     SELECT 'MI-AIMH', a.applicant_id, 'IFS', 'endorsed', 'bench', '{}', '{}', a.endorsed_at, a.renewal_due_on, now(), now(), now()
       FROM a WHERE random() < $6`,
    [from + 1, total, DUE_SHARE, soon, later, SECOND_SHARE],
  );
  await db.query('VACUUM ANALYZE applications');
}

async function measure(mode: 'ours' | 'baseline', url: string, now: Date, dueBefore: string, nodeArgs: readonly string[] = NODE_ARGS): Promise<Sample> {
  const prefix = benchRedisPrefix();
  try {
    const { stdout } = await run(process.execPath, [...nodeArgs, CHILD, mode, url, BENCH_REDIS_URL, prefix, now.toISOString(), dueBefore], {
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Sample;
  } finally {
    await deleteRedisPrefixes([prefix]);
  }
}

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  const db = new pg.Client({ connectionString: database.url });
  try {
    const ds = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), 'bench')).initialize();
    await runMigrations(ds);
    await ds.destroy();
    await db.connect();

    const mi = loadFramework().association('MI-AIMH');
    const now = new Date();
    const today = DateTime.fromJSDate(now, { zone: mi.timeZone }).startOf('day');
    // The same range SweepRenewals opens: due before today + lead time + 1 day.
    const dueBefore = today.plus({ days: mi.renewal.leadDays + 1 }).toISODate()!;
    const results: { size: number; ours: Sample; baseline: Sample; uncapped: Sample }[] = [];
    let seeded = 0;
    for (const size of SIZES) {
      const t0 = Date.now();
      await seedUpTo(db, seeded, size, today);
      seeded = size;
      console.log(`seeded ${size} endorsees in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await measure('ours', database.url, now, dueBefore); // warm-up both (caches, JIT, PostgreSQL buffers)
      await measure('baseline', database.url, now, dueBefore);
      const a: Sample[] = [];
      const b: Sample[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        a.push(await measure('ours', database.url, now, dueBefore));
        b.push(await measure('baseline', database.url, now, dueBefore));
        console.log(
          `  ${size} round ${r + 1}: sweep ${a[r].ms.toFixed(0)} ms, ${a[r].jobs} jobs, peak RSS ${a[r].maxRssMb.toFixed(0)} MB | ` +
            `baseline ${b[r].ms.toFixed(0)} ms, ${b[r].jobs} jobs, peak RSS ${b[r].maxRssMb.toFixed(0)} MB`,
        );
      }
      if (a.some((s) => s.jobs !== b[0].jobs)) throw new Error(`the sweep queued ${a.map((s) => s.jobs).join(', ')} jobs, the baseline ${b[0].jobs}`);
      const uncapped = await measure('ours', database.url, now, dueBefore, []);
      console.log(`  ${size} sweep without a heap budget: ${uncapped.ms.toFixed(0)} ms, peak RSS ${uncapped.maxRssMb.toFixed(0)} MB`);
      results.push({ size, ours: pick(a), baseline: pick(b), uncapped });
    }

    console.log(
      `\nsetup: MI-AIMH, ${DUE_SHARE * 100}% due within the lead time, ${SECOND_SHARE * 100}% with a second category on the same cycle, ${ROUNDS} alternating rounds per size, each sweep in its own process with the worker's flags (${NODE_ARGS.join(' ')}), node ${process.version}, redis ${await redisVersion()}, ${(await db.query('SHOW server_version')).rows[0].server_version} PostgreSQL`,
    );
    for (const r of results) {
      console.log(
        `${r.size} endorsees, ${r.ours.jobs} cycles due: sweep (median) ${r.ours.ms.toFixed(0)} ms, peak RSS ${r.ours.maxRssMb.toFixed(0)} MB; ` +
          `baseline ${r.baseline.ms.toFixed(0)} ms, peak RSS ${r.baseline.maxRssMb.toFixed(0)} MB; ratio (baseline/ours) ${(r.baseline.ms / r.ours.ms).toFixed(2)}`,
      );
    }
    const [small, large] = [results[0], results.at(-1)!];
    console.log(
      `peak RSS from ${small.size} to ${large.size}: ${small.ours.maxRssMb.toFixed(0)} → ${large.ours.maxRssMb.toFixed(0)} MB (target ≤ 300 MB and flat); without a heap budget ${small.uncapped.maxRssMb.toFixed(0)} → ${large.uncapped.maxRssMb.toFixed(0)} MB`,
    );
    // Higher is better: jobs queued per second, ours over the baseline's; target ≥ 1/1.5.
    printResult({
      bench: 'renewal_sweep',
      value: (large.ours.jobs / large.ours.ms) * 1000,
      unit: 'jobs/s',
      baseline: (large.baseline.jobs / large.baseline.ms) * 1000,
      target: 0.667,
    });
  } finally {
    await db.end().catch(() => undefined);
    await database.drop();
  }
}

/** The median round by time (its RSS alongside). */
function pick(samples: Sample[]): Sample {
  const m = median(samples.map((s) => s.ms));
  return samples.reduce((best, s) => (Math.abs(s.ms - m) < Math.abs(best.ms - m) ? s : best));
}

await main();
