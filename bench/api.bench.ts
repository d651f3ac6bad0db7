/**
 * The staff HTTP api under load, each part beside a same-run baseline, the api as deployed (built,
 * in its own process) and autocannon as the client:
 * (a) queue listing: GET /api/v1/staff/applications (a coordinator's queue pages, 50 rows, by state, deeper
 *     pages by cursor, "mine", failed email, long waits) over 100,000 applications, p50 and p99,
 *     beside the very same SQL (staffQueueQuery, same parameters) run raw with `pg` at the same
 *     concurrency. Target: HTTP p99 ≤ 3 × raw p99.
 * (b) transitions: POST /api/v1/staff/applications/{id}/transitions (hold, then resume, with If-Match) with
 *     32 connections, beside TransitionApplication.execute called directly by 32 callers in this
 *     process. Target: HTTP ≥ 0.5 × direct.
 * Rounds alternate; medians are compared. BENCH_PART=queue or transitions runs one part only; profile
 * the api with BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions, OutboxNotifier, runMigrations } from '#db';
import { encodeKeysetCursor, staffQueueQuery, TransitionApplication, TransitionsRepository, type StaffQueueFilter } from '#endorsement';
import { emptyPortfolio, loadFramework } from '#framework';
import { SystemClock } from '#platform';
import { APPLICATION_STATES, type ApplicationState } from '#workflow';
import { createBenchDatabase, median, printResult, seedApplications } from './support/bench-database.js';
import { logIn, seedCoordinators, seedQueue, startApi, stopProcess } from './support/staff-queue-fixture.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes } from './support/bench-redis.js';
import { percentile } from './support/load-stats.js';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const QUEUE_CONNECTIONS = Number(process.env.BENCH_QUEUE_CONNECTIONS ?? 10); // autocannon's default
const TRANSITION_CONNECTIONS = 32;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 16);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PART = process.env.BENCH_PART ?? 'both';
const PAGE = 50;
const REASON = 'Benchmark: waiting for the transcript of your coursework.';
const OPEN_STATES: ApplicationState[] = ['submitted', 'reference_checks', 'exam', 'panel_review', 'deferred', 'on_hold'];

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; NaN elsewhere). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** The api process, for its CPU time per request. */
let apiPid: number | undefined;

/** The api over HTTP for ROUND_MS with autocannon; every response's latency, and how many were not 2xx. */
async function cannon(options: autocannon.Options): Promise<{ latencies: number[]; requests: number; seconds: number; errors: number; apiCpuMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const cpu0 = cpuMsOf(apiPid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, duration: ROUND_MS / 1000 }, (error, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  return {
    latencies,
    requests: result.requests.total,
    seconds: (performance.now() - started) / 1000,
    errors: result.non2xx + result.errors + result.timeouts,
    apiCpuMs: cpuMsOf(apiPid) - cpu0,
  };
}

/** `op` on each of `callers` callers for ROUND_MS; every call's latency in ms. */
async function loop(callers: number, op: (caller: number) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + ROUND_MS;
  await Promise.all(
    Array.from({ length: callers }, async (_, i) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** A coordinator's queue views: the URL the api is asked and the filter the raw baseline runs. */
async function queueViews(pool: pg.Pool, coordinatorId: string): Promise<{ url: string; filter: StaffQueueFilter }[]> {
  const views: { url: string; filter: StaffQueueFilter }[] = [];
  const base = { association: 'MI-AIMH', limit: PAGE + 1 } as const; // the use case asks one row more
  const add = (query: string, filter: Partial<StaffQueueFilter>) =>
    views.push({ url: `/api/v1/staff/applications?limit=${PAGE}${query}`, filter: { ...base, ...filter } });
  for (const state of OPEN_STATES) {
    add(`&state=${state}`, { state });
    // Deeper pages, by the cursor the previous page hands out.
    let after: StaffQueueFilter['after'];
    for (let p = 2; p <= 4; p++) {
      const { sql, params } = staffQueueQuery({ ...base, state, after, limit: PAGE });
      const last = (await pool.query(sql, params)).rows.at(-1) as { waiting_key: string; id: string };
      after = { waitingSince: last.waiting_key, id: last.id };
      add(`&state=${state}&cursor=${encodeKeysetCursor([after.waitingSince, after.id])}`, { state, after });
    }
  }
  add('&assignee=me', { assignee: coordinatorId });
  add('&failedEmail=true', { failedEmail: true });
  add('&assignee=none&state=submitted', { assignee: null, state: 'submitted' });
  add('&category=IMHS&state=panel_review', { category: 'IMHS', state: 'panel_review' });
  return views;
}

async function benchQueue(pool: pg.Pool, base: string, token: string, coordinatorId: string): Promise<void> {
  const views = await queueViews(pool, coordinatorId);
  let next = 0;
  const viaHttp = () =>
    cannon({
      url: base,
      connections: QUEUE_CONNECTIONS,
      headers: { authorization: `Bearer ${token}` },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: views[next++ % views.length].url }) }],
    });
  let rawNext = 0;
  const viaRaw = () =>
    loop(QUEUE_CONNECTIONS, async () => {
      const { sql, params } = staffQueueQuery(views[rawNext++ % views.length].filter);
      await pool.query(sql, params);
    });

  // Both answer the same rows for the same view (checked once, untimed).
  const check = await fetch(`${base}${views[1].url}`, { headers: { authorization: `Bearer ${token}` } });
  const ids = ((await check.json()) as { items: { id: string }[] }).items.map((i) => i.id);
  const raw = (await pool.query(staffQueueQuery(views[1].filter).sql, staffQueueQuery(views[1].filter).params)).rows
    .slice(0, PAGE)
    .map((r: { id: string }) => r.id);
  if (ids.length !== PAGE || ids.join() !== raw.join()) throw new Error('the api and the raw query disagree on a page');

  await viaHttp(); // warm-up both
  await viaRaw();
  const http = { p50: [] as number[], p99: [] as number[] };
  const sql = { p50: [] as number[], p99: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const h = await viaHttp();
    if (h.errors) throw new Error(`${h.errors} queue requests failed`);
    const s = await viaRaw();
    http.p50.push(percentile(h.latencies, 0.5));
    http.p99.push(percentile(h.latencies, 0.99));
    sql.p50.push(percentile(s.latencies, 0.5));
    sql.p99.push(percentile(s.latencies, 0.99));
    console.log(
      `queue round ${r + 1}: HTTP p50 ${http.p50[r].toFixed(2)} ms, p99 ${http.p99[r].toFixed(2)} ms (${(h.requests / h.seconds).toFixed(0)} req/s, api ${(h.apiCpuMs / h.requests).toFixed(2)} CPU ms/request); ` +
        `raw SQL p50 ${sql.p50[r].toFixed(2)} ms, p99 ${sql.p99[r].toFixed(2)} ms (${(s.latencies.length / s.seconds).toFixed(0)} queries/s)`,
    );
  }
  const [httpP99, sqlP99] = [median(http.p99), median(sql.p99)];
  console.log(
    `queue listing (medians of rounds): HTTP p50 ${median(http.p50).toFixed(2)} ms, p99 ${httpP99.toFixed(2)} ms; raw SQL p50 ${median(sql.p50).toFixed(2)} ms, p99 ${sqlP99.toFixed(2)} ms; ` +
      `${views.length} views of MI-AIMH's queue (${PAGE} rows a page), ${QUEUE_CONNECTIONS} connections each side`,
  );
  // Latency: lower is better, so the ratio is raw over ours (target: ours ≤ 3 × raw, i.e. ≥ 1/3).
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: 'api-queue-p99',
      value: round(httpP99),
      unit: 'ms',
      baseline: round(sqlP99),
      ratio: round(sqlP99 / httpP99),
      target: round(1 / 3),
    }),
  );
}

async function benchTransitions(ds: DataSource, base: string, token: string): Promise<void> {
  const framework = loadFramework();
  const snapshot = framework.rulesSnapshot('MI-AIMH', 'IFA');
  const transition = new TransitionApplication(ds, new TransitionsRepository(ds), new SystemClock(), new OutboxNotifier(ds));
  const coordinator = { id: null, role: 'coordinator' as const };

  // Ours: twice as many applications as connections, so each request takes one nobody is moving.
  const ours = await seedApplications(ds, snapshot, emptyPortfolio(), TRANSITION_CONNECTIONS * 2);
  const theirs = await seedApplications(ds, snapshot, emptyPortfolio(), TRANSITION_CONNECTIONS);
  await ds.query(`ANALYZE`);
  const known = new Map<string, { state: string; version: number }>();
  const free: string[] = [];
  // autocannon builds a request ahead that it may never send, and drops what is in flight when a round
  // ends: each round starts from the database's word (after the api settled), every application free.
  const resync = async () => {
    await new Promise((r) => setTimeout(r, 500));
    const rows = await ds.query<{ id: string; state: string; version: number }[]>(`SELECT id, state, version FROM applications WHERE id = ANY($1::uuid[])`, [
      ours,
    ]);
    for (const row of rows) known.set(row.id, { state: row.state, version: row.version });
    free.splice(0, free.length, ...ours);
  };
  const viaHttp = async () => {
    await resync();
    return cannon({
      url: base,
      connections: TRANSITION_CONNECTIONS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req, context) => {
            const id = free.shift()!;
            const app = known.get(id)!;
            (context as { id?: string }).id = id;
            return {
              ...req,
              path: `/api/v1/staff/applications/${id}/transitions`,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${app.version}"` },
              body: JSON.stringify(app.state === 'submitted' ? { event: 'hold', reason: REASON } : { event: 'resume' }),
            };
          },
          onResponse: (status, body, context) => {
            const id = (context as { id: string }).id;
            if (status === 200) known.set(id, JSON.parse(body) as { state: string; version: number });
            free.push(id);
          },
        },
      ],
    });
  };
  const direct = theirs.map(() => ({ state: 'submitted', version: 0 }));
  const viaPath = () =>
    loop(TRANSITION_CONNECTIONS, async (i) => {
      const app = direct[i];
      const r = await transition.execute({
        applicationId: theirs[i],
        expectedVersion: app.version,
        actor: coordinator,
        ...(app.state === 'submitted' ? { event: 'hold', reason: REASON } : { event: 'resume' }),
      });
      direct[i] = { state: r.to, version: r.version };
    });

  await viaHttp(); // warm-up both
  await viaPath();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const h = await viaHttp();
    if (h.errors) throw new Error(`${h.errors} transition requests failed`);
    const d = await viaPath();
    a.push(h.requests / h.seconds);
    b.push(d.latencies.length / d.seconds);
    console.log(
      `transitions round ${r + 1}: HTTP ${a[r].toFixed(0)}/s (p99 ${percentile(h.latencies, 0.99).toFixed(1)} ms, api ${(h.apiCpuMs / h.requests).toFixed(2)} CPU ms/request), ` +
        `direct ${b[r].toFixed(0)}/s (p99 ${percentile(d.latencies, 0.99).toFixed(1)} ms)`,
    );
  }
  console.log(
    `transitions (medians of rounds): HTTP ${median(a).toFixed(0)}/s; the transition path called directly ${median(b).toFixed(0)}/s; ` +
      `${TRANSITION_CONNECTIONS} connections / callers, each side a database pool of ${POOL_SIZE}, hold then resume with If-Match`,
  );
  printResult({ bench: 'api-transitions', value: median(a), unit: 'transitions/s', baseline: median(b), target: 0.5 });
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const prefix = benchRedisPrefix();
  // The same pool size for the api and the direct path; PostgreSQL here allows 100 connections, shared.
  const poolSize = String(POOL_SIZE);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'info',
    MAIL_CATCHER: 'off',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: poolSize,
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: prefix,
    // One coordinator drives every transition: measure the api, not the per-account write throttle.
    WRITE_THROTTLE_LIMIT: '100000',
  };
  const ds = await new DataSource(dataSourceOptions(loadConfig(env), 'bench')).initialize();
  const pool = new pg.Pool({ connectionString: db.url, max: QUEUE_CONNECTIONS });
  pool.on('error', () => undefined); // dropping the database at the end terminates idle clients
  const seeder = new pg.Client({ connectionString: db.url });
  let api: ChildProcess | undefined;
  try {
    await runMigrations(ds);
    await seeder.connect();
    const t0 = performance.now();
    const coordinators = await seedCoordinators(seeder);
    await seedQueue(seeder, coordinators, APPLICATIONS);
    console.log(
      `seeded ${APPLICATIONS} applications (4 associations, 3 categories, ${APPLICATION_STATES.length} states) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const started = await startApi(env);
    api = started.child;
    apiPid = api.pid;
    const token = await logIn(started.base, 'coordinator-mi-aimh@bench.example');

    const require = createRequire(import.meta.url);
    const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
    console.log(
      `setup: api in its own process (built, LOG_LEVEL ${env.LOG_LEVEL}, DATABASE_POOL_SIZE ${poolSize}), autocannon ${version('autocannon')} in this one; ` +
        `${ROUNDS} alternating rounds of ${ROUND_MS} ms (+1 warm-up each); node ${process.version}, postgres ${(await pool.query('SHOW server_version')).rows[0].server_version}`,
    );
    if (PART !== 'transitions') await benchQueue(pool, started.base, token, coordinators[0]);
    if (PART !== 'queue') await benchTransitions(ds, started.base, token);
  } finally {
    if (api) await stopProcess(api);
    await seeder.end().catch(() => undefined);
    await pool.end();
    await ds.destroy();
    await deleteRedisPrefixes([prefix]);
    await db.drop();
  }
}

await main();
