/**
 * The load one deployment holds: a mixed workload on loopback at rising, open-loop arrival rates
 * (a Poisson process per step; operations do not wait for earlier ones) against the built api and
 * worker, each in its own process as deployed, over a throwaway database, Redis prefix and SMTP sink:
 *   applicants edit a portfolio section (PUT, If-Match) or submit a draft;
 *   staff list a queue page or fire `begin_reference_checks` (If-Match);
 *   raters open the link from their reference_request email (read from the sink) and send the form;
 *   the worker relays the outbox and sends every email to the sink.
 * Each step runs BENCH_STEP_MS, then waits (at most BENCH_DRAIN_MS) for the outbox and the ledger to
 * drain and for every email the ledger marked sent to be at the sink. The climb stops at the first
 * step whose p99 over all requests passes 500 ms, with a failed request, or with an email lost or
 * left unsent; the step before it is the rate held. Per step it prints where time went: the api
 * (request time minus its PostgreSQL time; its CPU and its wait for a core), PostgreSQL
 * (pg_stat_activity sampled every 50 ms per process, pg_stat_database), the worker (BullMQ job wait
 * and run times, commit → applied → sent from the rows).
 * Beside it, the same-run baseline: the transition path's raw capacity (TransitionApplication called
 * directly by 32 callers, as bench/transitions does, with the api's pool size, on a database of its own),
 * before and after the climb.
 * Bounded: stops by itself within BENCH_CAP_MS (6 min) and removes its processes, databases and keys.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { hash } from '@node-rs/argon2';
import { JwtService } from '@nestjs/jwt';
import { Queue } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Pool } from 'undici';
import { AccessTokens } from '#auth';
import { loadConfig } from '#config';
import { dataSourceOptions, OutboxNotifier, runMigrations } from '#db';
import { TransitionApplication, TransitionsRepository } from '#endorsement';
import { emptyPortfolio, loadFramework, type Portfolio, type RulesSnapshot } from '#framework';
import { SystemClock } from '#platform';
import { createBenchDatabase, seedApplications } from './support/bench-database.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes, redisVersion } from './support/bench-redis.js';
import { CountingSmtpSink } from './support/counting-smtp-sink.js';
import { cpuMeter } from './support/cpu-meter.js';
import { eligiblePortfolio } from './support/eligible-portfolio.js';
import { percentile, seededRandom, stopReason, summarize, type LatencySummary } from './support/load-stats.js';
import { MIX, MixedWorkload, shareOf, type Draft, type StepRecord } from './support/mixed-workload.js';
import { PgActivitySampler, type ActivityTotals } from './support/pg-activity-sampler.js';
import { backendPids, databaseStats, drain, jobTimings, pipelineLegs, type Drained, type JobTiming, type PipelineLegs } from './support/pipeline-probes.js';
import { logIn, seedCoordinators, startApi, stopProcess } from './support/staff-queue-fixture.js';
import { startWorkerProcess, stopWorker } from './support/worker-process.js';

const RATES = (process.env.BENCH_RATES ?? '5,10,20,40,80,160,320').split(',').map(Number);
const STEP_MS = Number(process.env.BENCH_STEP_MS ?? 20_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 10_000);
const DRAIN_MS = Number(process.env.BENCH_DRAIN_MS ?? 20_000);
const CAP_MS = Number(process.env.BENCH_CAP_MS ?? 6 * 60_000);
const RAW_MS = Number(process.env.BENCH_RAW_MS ?? 4_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const RAW_CALLERS = 32;
const P99_LIMIT_MS = 500;
const CONNECTIONS = 128;
const REQUEST_TIMEOUT_MS = 10_000;
const ASSOCIATION = 'MI-AIMH';
const CATEGORY = 'IFA';
const REASON = 'Benchmark: waiting for the transcript of your coursework.';

/** Everything measured in one step, for its printout and the closing JSON line. */
interface StepReport {
  rate: number;
  step: StepRecord;
  all: LatencySummary;
  loopDelayP99: number;
  emails: Drained;
  activity: ActivityTotals;
  dbActiveMs: number;
  commits: number;
  rollbacks: number;
  used: Record<'api' | 'worker' | 'pg', ReturnType<ReturnType<typeof cpuMeter>['stop']>>;
  jobs: { timings: JobTiming[]; failedAttempts: number };
  legs: PipelineLegs;
  sink: CountingSmtpSink;
}

async function main(): Promise<void> {
  const began = performance.now();
  const framework = loadFramework();
  const snapshot = framework.rulesSnapshot(ASSOCIATION, CATEGORY);
  const ratingForm = new URLSearchParams(framework.ratingForm.items.map((item): [string, string] => [`item.${item.code}`, '4']));
  ratingForm.set('comments', 'A thoughtful practitioner who listens to families.');

  const db = await createBenchDatabase();
  const rawDb = await createBenchDatabase();
  const prefix = benchRedisPrefix();
  const sink = await new CountingSmtpSink().start();
  const jwtSecret = randomUUID() + randomUUID();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    MAIL_CATCHER: 'off',
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: prefix,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    AUTH_JWT_SECRET: jwtSecret,
    LINK_SECRET: randomUUID() + randomUUID(),
    // Every applicant, rater and staff member here comes from 127.0.0.1 and staff act at machine speed:
    // the per-address and per-account throttles would answer 429 long before the system slows down.
    AUTH_THROTTLE_LIMIT: '100000',
    PUBLIC_THROTTLE_LIMIT: '100000',
    WRITE_THROTTLE_LIMIT: '100000',
  };
  // Each process connects under its own application_name (the URL's parameter wins over the code's),
  // so PostgreSQL's time can be told apart per process.
  const urlAs = (name: string) => `${db.url}?application_name=${name}`;
  // PostgreSQL here allows 100 connections, shared with everyone on the machine: this process's probes
  // need two; the raw path gets the api's pool size (10), so both sides have the same connections.
  const ds = await new DataSource(dataSourceOptions(loadConfig({ ...env, DATABASE_URL: db.url, DATABASE_POOL_SIZE: '2' }), 'load-bench')).initialize();
  const rawConfig = loadConfig({ DATABASE_URL: rawDb.url });
  const rawDs = await new DataSource(dataSourceOptions(rawConfig, 'load-raw')).initialize();
  const sampler = new PgActivitySampler(db.url);
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let http: Pool | undefined;
  const queues: Queue[] = [];
  // The run is bounded whatever happens: steps are only begun when they can end in time, and should
  // anything hang past the cap, its processes, databases and keys go all the same (10 s allowed for it).
  const watchdog = setTimeout(() => {
    console.error(`load bench: still running at its cap of ${CAP_MS / 1000} s; stopping its processes and dropping its databases`);
    for (const child of [api, worker]) child?.kill('SIGKILL');
    const cleanup = Promise.allSettled([db.drop(), rawDb.drop(), deleteRedisPrefixes([prefix])]);
    void Promise.race([cleanup, new Promise((r) => setTimeout(r, 10_000))]).then(() => process.exit(2));
  }, CAP_MS);
  watchdog.unref();

  try {
    await runMigrations(ds);
    await runMigrations(rawDs);

    // Enough drafts and submitted applications for every step to find work, whatever rate it reaches.
    const planned = (RATES.reduce((s, r) => s + r, 0) * STEP_MS + RATES[0] * WARMUP_MS) / 1000;
    const t0 = performance.now();
    const staffSeeder = new pg.Client({ connectionString: db.url });
    await staffSeeder.connect();
    const coordinators = await seedCoordinators(staffSeeder).finally(() => staffSeeder.end());
    const passwordHash = await hash(randomUUID());
    // Applicants' tokens are signed with the api's secret as its sign-in would: thousands of argon2
    // sign-ins are not the workload.
    const tokens = new AccessTokens(new JwtService({ secret: jwtSecret }), new SystemClock());
    const drafts: Draft[] = [];
    for (const a of await seedApplicants(ds, snapshot, Math.ceil(planned * shareOf('applicant submits') * 1.3) + 200, passwordHash, 'draft')) {
      const token = await tokens.sign({ id: a.accountId, personId: a.personId, roles: ['applicant'], associationCode: ASSOCIATION }, randomUUID());
      drafts.push({ id: a.id, token, version: a.version, portfolio: a.portfolio, edits: 0 });
    }
    const submitted = (await seedApplicants(ds, snapshot, Math.ceil(planned * shareOf('staff transitions') * 1.3) + 100, passwordHash, 'submitted')).map(
      (a) => ({ id: a.id, version: a.version }),
    );
    await ds.query('VACUUM ANALYZE');
    console.log(
      `seeded ${drafts.length} draft ${CATEGORY} applications (eligible portfolios, 3 raters each) with their applicants' accounts, ${submitted.length} submitted ones ` +
        `and ${coordinators.length} coordinators (one of ${ASSOCIATION} acts) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const started = await startApi({ ...env, DATABASE_URL: urlAs('load-api') });
    api = started.child;
    worker = await startWorkerProcess({ ...env, DATABASE_URL: urlAs('load-worker'), PUBLIC_BASE_URL: started.base });
    const staffToken = await logIn(started.base, `coordinator-${ASSOCIATION.toLowerCase()}@bench.example`);
    http = new Pool(started.base, { connections: CONNECTIONS, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
    for (const name of ['effects', 'mail']) queues.push(new Queue(name, { connection: { url: BENCH_REDIS_URL }, prefix }));
    await sampler.start();
    const workload = new MixedWorkload(http, staffToken, drafts, submitted, sink.raterLinks, ratingForm.toString(), seededRandom(SEED));
    await printSetup(ds, env);

    const raw = rawTransitions(rawDs, await seedApplications(rawDs, snapshot, emptyPortfolio(), RAW_CALLERS, 'submitted'));
    await raw(); // warm-up
    const rawBefore = await raw();
    console.log(
      `raw transition path before the climb: ${rawBefore.toFixed(0)} transitions/s (${RAW_CALLERS} callers in this process, hold ⇄ resume, ${RAW_MS / 1000} s, a pool of ${rawConfig.database.poolSize} as the api's, own database)`,
    );

    const warm = await workload.offer(RATES[0], WARMUP_MS);
    const warmDrain = await drain(ds, sink, Date.now(), DRAIN_MS);
    console.log(
      `warm-up (not judged): ${warm.all.length} requests at ${RATES[0]}/s, ${warm.errors.length} errors${warm.errors.length ? ` (${warm.errors[0]})` : ''}; drained in ${(warmDrain.ms / 1000).toFixed(1)} s`,
    );
    sampler.take();

    const reports: StepReport[] = [];
    let held: StepReport | undefined;
    let reason = `every step held (the last offered ${RATES.at(-1)}/s)`;
    for (const rate of RATES) {
      // A step, its longest drain, the raw measure after the climb and the clean-up must fit under the cap.
      if (performance.now() + STEP_MS + DRAIN_MS + RAW_MS + 15_000 > began + CAP_MS) {
        reason = `time cap: a step at ${rate}/s would not end within ${CAP_MS / 1000} s`;
        break;
      }
      const report = await runStep(rate, workload, { ds, sink, sampler, queues, apiPid: api.pid!, workerPid: worker.pid! });
      reports.push(report);
      printStep(report);
      const stop = stopReason(
        { p99Ms: report.all.p99, errors: report.step.errors.length, lostEmails: report.emails.lost, unsentEmails: report.emails.unsent + report.emails.failed },
        P99_LIMIT_MS,
      );
      if (stop) {
        reason = `at ${rate}/s: ${stop}`;
        break;
      }
      held = report;
    }

    const rawAfter = await raw();
    const rawMean = (rawBefore + rawAfter) / 2;
    console.log(`\nraw transition path after the climb: ${rawAfter.toFixed(0)} transitions/s; mean of before and after ${rawMean.toFixed(0)}/s`);
    console.log(
      `highest rate held: ${held ? `${held.rate} operations/s offered (${(held.step.operations / (STEP_MS / 1000)).toFixed(1)}/s done), p99 ${held.all.p99.toFixed(0)} ms` : reports.length ? `none (the first step, ${RATES[0]}/s, did not hold)` : 'none (no step ran)'}; ` +
        `stop: ${reason}; beside the transition path's raw ${rawMean.toFixed(0)} transitions/s; ` +
        `${held ? `CPU per operation at ${held.rate}/s ${cpuPerOperation(held).total.toFixed(1)} ms (all processes), a ceiling of ~${((cpus().length * 1000) / cpuPerOperation(held).total).toFixed(0)}/s on ${cpus().length} idle cores; ` : ''}whole run ${((performance.now() - began) / 1000).toFixed(0)} s on a shared machine ` +
        `(${loadavg()[0].toFixed(1)} load average on ${cpus().length} cores now)`,
    );
    const value = held?.rate ?? 0;
    console.log(
      JSON.stringify({
        bench: 'load',
        value,
        unit: 'operations/s',
        baseline: round(rawMean),
        ratio: Math.round((value / rawMean) * 1e4) / 1e4,
        target: null,
        highestRateHeld: value,
        p99AtHighest: held ? round(held.all.p99) : null,
        rawTransitionsPerSecond: round(rawMean),
        rawBefore: round(rawBefore),
        rawAfter: round(rawAfter),
        stopReason: reason,
        steps: reports.map(stepSummary),
      }),
    );
  } finally {
    clearTimeout(watchdog);
    await http?.close().catch(() => undefined);
    await Promise.all(queues.map((q) => q.close()));
    await sampler.stop();
    if (api) await stopProcess(api);
    if (worker) await stopWorker(worker);
    await sink.stop();
    await ds.destroy();
    await rawDs.destroy();
    await deleteRedisPrefixes([prefix]);
    await db.drop();
    await rawDb.drop();
  }
}

/** One step: the offered load, then the drain and every probe, with CPU and run-queue time per process around it. */
async function runStep(
  rate: number,
  workload: MixedWorkload,
  on: { ds: DataSource; sink: CountingSmtpSink; sampler: PgActivitySampler; queues: Queue[]; apiPid: number; workerPid: number },
): Promise<StepReport> {
  const since = Date.now();
  const meters = { api: cpuMeter([on.apiPid]), worker: cpuMeter([on.workerPid]), pg: cpuMeter(await backendPids(on.ds)) };
  const stat0 = await databaseStats(on.ds);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const step = await workload.offer(rate, STEP_MS);
  loop.disable();
  const emails = await drain(on.ds, on.sink, since, DRAIN_MS);
  const activity = on.sampler.take();
  const stat1 = await databaseStats(on.ds);
  const used = { api: meters.api.stop(), worker: meters.worker.stop(), pg: meters.pg.stop(await backendPids(on.ds)) };
  return {
    rate,
    step,
    all: summarize(step.all),
    loopDelayP99: loop.percentile(99) / 1e6,
    emails,
    activity,
    dbActiveMs: stat1.activeMs - stat0.activeMs,
    commits: stat1.commits - stat0.commits,
    rollbacks: stat1.rollbacks - stat0.rollbacks,
    used,
    jobs: await jobTimings(on.queues, since),
    legs: await pipelineLegs(on.ds, since),
    sink: on.sink,
  };
}

function printStep(r: StepReport): void {
  const { step, used, activity } = r;
  const apiDb = activity.activeSeconds.get('load-api') ?? 0;
  const workerDb = activity.activeSeconds.get('load-worker') ?? 0;
  const apiIdleInTx = activity.waits.get('load-api idle in transaction') ?? 0;
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `\nstep ${r.rate}/s offered for ${STEP_MS / 1000} s: ${step.operations} operations (${(step.operations / (STEP_MS / 1000)).toFixed(1)}/s; ${[...step.done].map(([o, n]) => `${o} ${n}`).join(', ')}` +
      `${step.skipped ? `; ${step.skipped} found no rater link yet` : ''}), ${step.all.length} requests, ${step.errors.length} errors${step.errors.length ? ` (first: ${step.errors[0]})` : ''}`,
  );
  console.log(`  latency ms p50/p95/p99 (n), from the scheduled arrival: all requests ${fmt(r.all)}`);
  for (const [kind, values] of step.latencies) console.log(`    ${kind}: ${fmt(summarize(values))}`);
  console.log(
    `  client (this process): start lag p99 ${percentile(step.startLag, 0.99).toFixed(1)} ms, event-loop delay p99 ${r.loopDelayP99.toFixed(1)} ms, ` +
      `at most ${step.maxInFlight} operations in flight, CPU ${s(used.api.processMs)} s`,
  );
  console.log(
    `  api: ${step.requestSeconds.toFixed(1)} request-seconds = PostgreSQL active for the api ${apiDb.toFixed(1)} s (${pct(apiDb, step.requestSeconds)}) + ${(step.requestSeconds - apiDb).toFixed(1)} s in the api; ` +
      `its CPU ${s(used.api.othersMs)} s (${(used.api.othersMs / Math.max(1, step.all.length)).toFixed(1)} ms/request), its main thread waiting for a core ${s(used.api.othersRunQueueMs)} s (felt by every request in flight then), ` +
      `a transaction of the api open between statements ${apiIdleInTx.toFixed(1)} s`,
  );
  console.log(
    `  PostgreSQL: active ${sum(activity.activeSeconds).toFixed(1)} backend-seconds (api ${apiDb.toFixed(1)}, worker ${workerDb.toFixed(1)}; ${activity.samples} samples), ` +
      `pg_stat_database active_time +${s(r.dbActiveMs)} s, ${r.commits} commits, ${r.rollbacks} rollbacks; backends' CPU ${s(used.pg.othersMs)} s, waiting for a core ${s(used.pg.othersRunQueueMs)} s; ` +
      `top: ${topWaits(activity)}`,
  );
  const jobs = r.jobs.timings.map(
    (j) => `${j.queue}/${j.name} ${j.jobs} jobs: wait p50 ${j.waitP50} p95 ${j.waitP95} ms, run p50 ${j.runP50} p95 ${j.runP95} ms`,
  );
  console.log(
    `  worker: CPU ${s(used.worker.othersMs)} s, main thread waiting for a core ${s(used.worker.othersRunQueueMs)} s; ${jobs.join('; ') || 'no jobs'}` +
      `${r.jobs.failedAttempts ? `; ${r.jobs.failedAttempts} failed attempts` : ''}; outbox commit → applied p50 ${r.legs.appliedP50} p95 ${r.legs.appliedP95} ms; ` +
      `email row → sent p50 ${r.legs.sentP50} p95 ${r.legs.sentP95} ms`,
  );
  console.log(
    `  emails: ${r.emails.sentTotal} marked sent by the ledger so far, ${r.sink.deliveryIds.size} at the sink (${r.sink.duplicates} twice), ${r.emails.lost} lost, ${r.emails.unsent} unsent, ` +
      `${r.emails.failed} failed; drained ${s(r.emails.ms)} s after the step; machine ${(used.api.machineBusy * 100).toFixed(0)}% busy of ${used.api.cores} cores`,
  );
  const cpu = cpuPerOperation(r);
  console.log(
    `  CPU per operation: ${cpu.total.toFixed(1)} ms (api ${cpu.api.toFixed(1)}, PostgreSQL ${cpu.pg.toFixed(1)}, worker ${cpu.worker.toFixed(1)}, client and sink ${cpu.client.toFixed(1)}): ` +
      `${used.api.cores} idle cores would run out at about ${((used.api.cores * 1000) / cpu.total).toFixed(0)} operations/s`,
  );
}

/**
 * CPU ms per operation in each process (api, PostgreSQL backends, worker, this client with its SMTP
 * sink): what the step cost whatever else the machine was doing, and so what an idle machine's
 * cores could hold at most.
 */
function cpuPerOperation(r: StepReport): { api: number; pg: number; worker: number; client: number; total: number } {
  const n = Math.max(1, r.step.operations);
  const c = { api: r.used.api.othersMs / n, pg: r.used.pg.othersMs / n, worker: r.used.worker.othersMs / n, client: r.used.api.processMs / n };
  return { ...c, total: c.api + c.pg + c.worker + c.client };
}

/** A step in the JSON line: its figures and where its time went, in seconds. */
function stepSummary(r: StepReport) {
  const apiDb = r.activity.activeSeconds.get('load-api') ?? 0;
  return {
    rate: r.rate,
    done: round(r.step.operations / (STEP_MS / 1000)),
    p50: round(r.all.p50),
    p99: round(r.all.p99),
    errors: r.step.errors.length,
    lostEmails: r.emails.lost,
    unsentEmails: r.emails.unsent + r.emails.failed,
    apiSeconds: round(r.step.requestSeconds - apiDb),
    apiCpuSeconds: round(r.used.api.othersMs / 1000),
    apiWaitingForCoreSeconds: round(r.used.api.othersRunQueueMs / 1000),
    pgApiSeconds: round(apiDb),
    pgWorkerSeconds: round(r.activity.activeSeconds.get('load-worker') ?? 0),
    workerCpuSeconds: round(r.used.worker.othersMs / 1000),
    emailSentP95Ms: r.legs.sentP95,
    cpuMsPerOperation: round(cpuPerOperation(r).total),
    machineBusy: round(r.used.api.machineBusy),
  };
}

/** The transition path called directly (guards, guarded update, event, outbox): transitions per second over RAW_MS. */
function rawTransitions(ds: DataSource, ids: string[]): () => Promise<number> {
  const transition = new TransitionApplication(ds, new TransitionsRepository(ds), new SystemClock(), new OutboxNotifier(ds));
  const states = ids.map(() => 'submitted');
  const coordinator = { id: null, role: 'coordinator' as const };
  return async () => {
    let n = 0;
    const t = performance.now();
    await Promise.all(
      ids.map(async (id, i) => {
        while (performance.now() < t + RAW_MS) {
          const r = await transition.execute({ applicationId: id, event: states[i] === 'submitted' ? 'hold' : 'resume', actor: coordinator, reason: REASON });
          states[i] = r.to;
          n++;
        }
      }),
    );
    return n / ((performance.now() - t) / 1000);
  };
}

async function printSetup(ds: DataSource, env: Record<string, string>): Promise<void> {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const config = loadConfig(env);
  const [{ server_version: postgres }] = await ds.query<{ server_version: string }[]>('SHOW server_version');
  console.log(
    `setup: api and worker built, each in its own process (LOG_LEVEL ${env.LOG_LEVEL}, DATABASE_POOL_SIZE ${config.database.poolSize} each, MAIL_CONCURRENCY ${config.pipeline.mailConcurrency}, ` +
      `OUTBOX_POLL_MS ${config.pipeline.outboxPollMs}), throttles lifted (all traffic comes from one address); client in this process: undici ${version('undici')} Pool of ${CONNECTIONS} connections, ` +
      `open-loop Poisson arrivals (seed ${SEED}), request timeout ${REQUEST_TIMEOUT_MS / 1000} s; mix ${MIX.map(([o, w]) => `${o} ${w}%`).join(', ')}; ` +
      `steps of ${STEP_MS / 1000} s at ${RATES.join(', ')} operations/s after a ${WARMUP_MS / 1000} s warm-up; smtp-server sink in this process; ` +
      `node ${process.version}, postgres ${postgres}, redis ${await redisVersion()}, bullmq ${version('bullmq')}; ` +
      `shared machine: ${loadavg()[0].toFixed(1)} load average on ${cpus().length} cores at the start`,
  );
}

interface SeededApplication {
  id: string;
  version: number;
  personId: string;
  accountId: string;
  portfolio: Portfolio;
}

/** Draft (or submitted) applications with eligible portfolios, each applicant with an account; raters unique per application. */
async function seedApplicants(
  ds: DataSource,
  snapshot: RulesSnapshot,
  count: number,
  passwordHash: string,
  state: 'draft' | 'submitted',
): Promise<SeededApplication[]> {
  const seeded: SeededApplication[] = [];
  for (let from = 0; from < count; from += 500) {
    const tag = `${state}-${from}`;
    const emails = Array.from({ length: Math.min(500, count - from) }, (_, i) => `applicant-${tag}-${i}@load.example`);
    const portfolios = emails.map((_, i) =>
      eligiblePortfolio(
        snapshot,
        [0, 1, 2].map((r) => ({ name: `Rater ${r} of ${tag}-${i}`, email: `rater-${r}-${tag}-${i}@raters.example`, waived: r === 0 })),
        ASSOCIATION,
      ),
    );
    const rows = await ds.query<{ id: string; version: number; personId: string; accountId: string; n: number }[]>(
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS t(email, portfolio, n)),
            p AS (INSERT INTO people (association_code, email, full_name) SELECT $3, email, 'Load Applicant ' || n FROM input RETURNING id, email),
            acc AS (INSERT INTO accounts (person_id, email, password_hash, roles, association_code, created_at, updated_at)
                    SELECT id, email, $4, ARRAY['applicant'], $3, now(), now() FROM p RETURNING id, person_id),
            app AS (INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio, state_changed_at, submitted_at, created_at, updated_at)
                    SELECT $3, p.id, $5, $6, $7, $8, i.portfolio, now(), CASE WHEN $6 = 'submitted' THEN now() END, now(), now()
                      FROM p JOIN input i USING (email) RETURNING id, applicant_id, version)
       SELECT app.id, app.version, app.applicant_id AS "personId", acc.id AS "accountId", i.n::int AS n
         FROM app JOIN acc ON acc.person_id = app.applicant_id JOIN p ON p.id = app.applicant_id JOIN input i USING (email) ORDER BY i.n`,
      [emails, portfolios.map((p) => JSON.stringify(p)), ASSOCIATION, passwordHash, CATEGORY, state, snapshot.version, snapshot],
    );
    for (const r of rows) seeded.push({ id: r.id, version: r.version, personId: r.personId, accountId: r.accountId, portfolio: portfolios[r.n - 1] });
  }
  return seeded;
}

function topWaits(a: ActivityTotals): string {
  const top = [...a.waits].sort((x, y) => y[1] - x[1]).slice(0, 5);
  return top.map(([k, s]) => `${k} ${s.toFixed(1)} s`).join(', ') || 'nothing active';
}

const round = (n: number) => Math.round(n * 10) / 10;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const pct = (part: number, whole: number) => `${whole ? ((part / whole) * 100).toFixed(0) : 0}%`;
const fmt = (s: LatencySummary) => `${s.p50.toFixed(1)}/${s.p95.toFixed(1)}/${s.p99.toFixed(1)} (${s.count})`;

await main();
