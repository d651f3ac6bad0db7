/**
 * One measured renewal sweep in a process of its own, so that its peak RSS is the sweep's alone.
 * `ours`: the real SweepRenewals (keyset pages, one addBulk per page) under a fixed clock.
 * `baseline`: the least any sweep must do: one raw SQL query for the same due rows, then BullMQ
 * addBulk of the same jobs (same ids and options) in pages of the same size.
 * Prints one JSON line: { ms, jobs, maxRssMb }.
 */
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import pg from 'pg';
import { JOBS } from '#queue';

const [mode, databaseUrl, redisUrl, prefix, nowIso, dueBefore] = process.argv.slice(2) as [string, string, string, string, string, string];
const PAGE = 1_000;

async function ours(): Promise<{ ms: number; jobs: number }> {
  // Loaded here, not at the top: the baseline's peak RSS is not charged with the application's code.
  await import('reflect-metadata');
  const [
    { DataSource },
    { loadConfig },
    { dataSourceOptions },
    { EndorsementsRepository, SweepRenewals },
    { loadFramework },
    { ManualClock },
    { openJobQueues },
  ] = await Promise.all([
    import('typeorm'),
    import('#config'),
    import('#db'),
    import('#endorsement'),
    import('#framework'),
    import('#platform'),
    import('#queue'),
  ]);
  const config = loadConfig({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' });
  const ds = await new DataSource(dataSourceOptions(config, 'bench')).initialize();
  const { jobs, close } = openJobQueues(config);
  try {
    const sweep = new SweepRenewals(new EndorsementsRepository(ds), jobs, new ManualClock(new Date(nowIso)), loadFramework());
    await jobs.queue(JOBS.renewalStep.queue).waitUntilReady(); // connected before the clock starts, as the baseline
    const t0 = performance.now();
    const found = await sweep.execute();
    return { ms: performance.now() - t0, jobs: found };
  } finally {
    await close();
    await ds.destroy();
  }
}

async function baseline(): Promise<{ ms: number; jobs: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const def = JOBS.renewalStep;
  const queue = new Queue(def.queue, { connection: { url: redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1 }, prefix });
  try {
    await queue.waitUntilReady();
    const t0 = performance.now();
    // The same cycles (a person's endorsements due the same day), grouped in one statement.
    const { rows } = await client.query<{ id: string; due_on: string }>(
      `SELECT DISTINCT ON (renewal_due_on, applicant_id) id, to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications
        WHERE association_code = 'MI-AIMH' AND state = 'endorsed' AND renewal_due_on < $1::date
        ORDER BY renewal_due_on, applicant_id, id`,
      [dueBefore],
    );
    for (let i = 0; i < rows.length; i += PAGE) {
      await queue.addBulk(
        rows.slice(i, i + PAGE).map((r) => {
          const data = { applicationId: r.id, dueOn: r.due_on, step: 'open' as const };
          return { name: def.name, data, opts: { ...def.options, jobId: def.jobId(data) } };
        }),
      );
    }
    return { ms: performance.now() - t0, jobs: rows.length };
  } finally {
    await queue.close();
    await client.end();
  }
}

const result = mode === 'ours' ? await ours() : await baseline();
console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
