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
 * left unsent; the highest step before it is the rate held. Per step it prints where time went: the
 * api (request time minus its PostgreSQL time, and its CPU), PostgreSQL (pg_stat_activity sampled
 * every 50 ms per process, pg_stat_database), the worker (BullMQ job wait and run times, commit → sent).
 * Beside it, the same-run baseline: the transition path's raw capacity (TransitionApplication called
 * directly by 32 callers, as bench/transitions does, on a database of its own), before and after the climb.
 * Bounded: stops by itself within BENCH_CAP_MS (6 min) and removes its processes, database and keys.
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
import { TransitionApplication } from '#endorsement';
import { emptyPortfolio, loadFramework, type Portfolio, type RulesSnapshot } from '#framework';
import { SystemClock } from '#platform';
import { createBenchDatabase, median, seedApplications } from './support/bench-database.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes, redisVersion } from './support/bench-redis.js';
import { cpuMeter } from './support/cpu-meter.js';
import { eligiblePortfolio } from './support/eligible-portfolio.js';
import { percentile, pickByWeight, poissonArrivals, seededRandom, stopReason, summarize } from './support/load-stats.js';
import { listenSmtp } from './support/local-smtp-server.js';
import { header, raterLink } from './support/mail-reading.js';
import { PgActivitySampler, type ActivityTotals } from './support/pg-activity-sampler.js';
import { logIn, seedCoordinators, startApi, stopProcess } from './support/staff-queue-fixture.js';
import { startWorkerProcess, stopWorker } from './support/worker-process.js';

const RATES = (process.env.BENCH_RATES ?? '5,10,20,40,80,160,320').split(',').map(Number);
const STEP_MS = Number(process.env.BENCH_STEP_MS ?? 20_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 10_000);
const DRAIN_MS = Number(process.env.BENCH_DRAIN_MS ?? 20_000);
const CAP_MS = Number(process.env.BENCH_CAP_MS ?? 6 * 60_000);
const RAW_MS = Number(process.env.BENCH_RAW_MS ?? 4_000);
const RAW_CALLERS = 32;
const P99_LIMIT_MS = 500;
const CONNECTIONS = 128;
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_IN_FLIGHT = 2_000;
const SEED = Number(process.env.BENCH_SEED ?? 1);
const ASSOCIATION = 'MI-AIMH';
const CATEGORY = 'IFA';
const REASON = 'Benchmark: waiting for the transcript of your coursework.';

type Operation = 'applicant edits' | 'applicant submits' | 'staff lists' | 'staff transitions' | 'rater rates';
type RequestKind = 'PUT portfolio section' | 'POST submit' | 'GET staff queue' | 'POST transition' | 'GET rater form' | 'POST rater form';
const MIX: [Operation, number][] = [
  ['applicant edits', 30],
  ['applicant submits', 10],
  ['staff lists', 25],
  ['staff transitions', 15],
  ['rater rates', 20],
];
const share = (op: Operation) => MIX.find(([o]) => o === op)![1] / MIX.reduce((s, [, w]) => s + w, 0);
const QUEUE_VIEWS = ['state=submitted', 'state=reference_checks', 'state=panel_review', 'assignee=none&state=submitted', 'failedEmail=true'];

interface SeededApplication {
  id: string;
  version: number;
  personId: string;
  accountId: string;
  portfolio: Portfolio;
}

interface Draft {
  id: string;
  token: string;
  version: number;
  portfolio: Portfolio;
  edits: number;
}

/** An SMTP server that keeps the ledger id of every message and hands out the rater links it sees. */
class CountingSink {
  readonly deliveryIds = new Set<string>();
  received = 0;
  duplicates = 0;
  readonly raterLinks: string[] = [];
  port = 0;
  private close?: () => Promise<void>;

  async start(): Promise<this> {
    const server = await listenSmtp((stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        callback();
        const mail = { raw: Buffer.concat(chunks).toString('utf8') };
        this.received++;
        const id = header(mail, 'X-Delivery-Id');
        if (id && this.deliveryIds.has(id)) this.duplicates++;
        if (id) this.deliveryIds.add(id);
        if (header(mail, 'X-Template') === 'reference_request') {
          const link = raterLink(mail);
          if (link) this.raterLinks.push(new URL(link).pathname);
        }
      });
    });
    this.port = server.port;
    this.close = server.close;
    return this;
  }

  async stop(): Promise<void> {
    await this.close?.();
  }
}

/** One step's requests, as the client saw them. */
class StepRecord {
  readonly latencies = new Map<RequestKind, number[]>();
  readonly all: number[] = [];
  readonly startLag: number[] = [];
  readonly errors: string[] = [];
  readonly done = new Map<Operation, number>();
  skipped = 0;
  maxInFlight = 0;
  requestSeconds = 0;

  record(kind: RequestKind, ms: number): void {
    if (!this.latencies.has(kind)) this.latencies.set(kind, []);
    this.latencies.get(kind)!.push(ms);
    this.all.push(ms);
    this.requestSeconds += ms / 1000;
  }
}

async function main(): Promise<void> {
  const began = performance.now();
  const deadline = began + CAP_MS;
  const framework = loadFramework();
  const snapshot = framework.rulesSnapshot(ASSOCIATION, CATEGORY);
  const ratingFields = new URLSearchParams(framework.ratingForm.items.map((item): [string, string] => [`item.${item.code}`, '4']));
  ratingFields.set('comments', 'A thoughtful practitioner who listens to families.');

  const db = await createBenchDatabase();
  const rawDb = await createBenchDatabase();
  const prefix = benchRedisPrefix();
  const sink = await new CountingSink().start();
  const jwtSecret = randomUUID() + randomUUID();
  // Each process connects under its own application_name (the URL's parameter wins over the code's), so
  // PostgreSQL's time can be told apart per process.
  const dbUrlFor = (name: string) => `${db.url}?application_name=${name}`;
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
  const ds = await new DataSource(dataSourceOptions(loadConfig({ ...env, DATABASE_URL: db.url }), 'load-bench')).initialize();
  const rawDs = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: rawDb.url, DATABASE_POOL_SIZE: String(RAW_CALLERS) }), 'load-raw')).initialize();
  const sampler = new PgActivitySampler(db.url);
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let http: Pool | undefined;
  const queues: Queue[] = [];
  // Stops everything this run started even if a step hangs: the run is bounded whatever happens.
  const watchdog = setTimeout(() => {
    console.error(`load bench: past its cap of ${CAP_MS / 1000} s plus a minute; stopping its processes`);
    for (const child of [api, worker]) child?.kill('SIGKILL');
    process.exit(2);
  }, CAP_MS + 60_000);
  watchdog.unref();

  try {
    await runMigrations(ds);
    await runMigrations(rawDs);

    // --- Seed: staff, draft applications with their applicants' accounts, submitted applications. ---
    const planned = (RATES.reduce((s, r) => s + r, 0) * STEP_MS + RATES[0] * WARMUP_MS) / 1000;
    const draftCount = Math.ceil(planned * share('applicant submits') * 1.3) + 200;
    const submittedCount = Math.ceil(planned * share('staff transitions') * 1.3) + 100;
    const t0 = performance.now();
    const staffSeeder = new pg.Client({ connectionString: db.url });
    await staffSeeder.connect();
    const coordinators = await seedCoordinators(staffSeeder).finally(() => staffSeeder.end());
    const passwordHash = await hash(randomUUID()); // applicants never sign in here: their tokens are signed below
    const tokens = new AccessTokens(new JwtService({ secret: jwtSecret }), new SystemClock());
    // Signed with the api's secret, as its sign-in would: argon2 verification of thousands of sign-ins is not the workload.
    const drafts: Draft[] = [];
    for (const a of await seedApplicants(ds, snapshot, draftCount, passwordHash, 'draft')) {
      const token = await tokens.sign({ id: a.accountId, personId: a.personId, roles: ['applicant'], associationCode: ASSOCIATION }, randomUUID());
      drafts.push({ id: a.id, token, version: a.version, portfolio: a.portfolio, edits: 0 });
    }
    const submitted = (await seedApplicants(ds, snapshot, submittedCount, passwordHash, 'submitted')).map((a) => ({ id: a.id, version: a.version }));
    await ds.query('VACUUM ANALYZE');
    console.log(
      `seeded ${drafts.length} draft ${CATEGORY} applications (eligible portfolios, 3 raters each) with their applicants' accounts and ${submitted.length} submitted ones in ${ASSOCIATION}, ` +
        `${coordinators.length} coordinators, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // --- Processes: the api, then the worker with links to it. ---
    const started = await startApi({ ...env, DATABASE_URL: dbUrlFor('load-api') });
    api = started.child;
    worker = await startWorkerProcess({ ...env, DATABASE_URL: dbUrlFor('load-worker'), PUBLIC_BASE_URL: started.base });
    const staffToken = await logIn(started.base, `coordinator-${ASSOCIATION.toLowerCase()}@bench.example`);
    http = new Pool(started.base, { connections: CONNECTIONS, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
    for (const name of ['effects', 'mail']) queues.push(new Queue(name, { connection: { url: BENCH_REDIS_URL }, prefix }));
    await sampler.start();

    const require = createRequire(import.meta.url);
    const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
    const apiConfig = loadConfig({ ...env, DATABASE_URL: db.url });
    console.log(
      `setup: api and worker built, each in its own process (LOG_LEVEL ${env.LOG_LEVEL}, DATABASE_POOL_SIZE ${apiConfig.database.poolSize} each, ` +
        `MAIL_CONCURRENCY ${apiConfig.pipeline.mailConcurrency}, OUTBOX_POLL_MS ${apiConfig.pipeline.outboxPollMs}), throttles lifted (all traffic from one address); ` +
        `client: undici ${version('undici')} Pool of ${CONNECTIONS} connections in this process, open-loop Poisson arrivals (seed ${SEED}), latency from each operation's scheduled arrival, ` +
        `request timeout ${REQUEST_TIMEOUT_MS / 1000} s; mix ${MIX.map(([o, w]) => `${o} ${w}%`).join(', ')}; steps ${RATES.join(', ')} operations/s of ${STEP_MS / 1000} s ` +
        `after a ${WARMUP_MS / 1000} s warm-up at ${RATES[0]}/s; smtp-server sink in this process; node ${process.version}, postgres ${(await ds.query<{ server_version: string }[]>('SHOW server_version'))[0].server_version}, ` +
        `redis ${await redisVersion()}, bullmq ${version('bullmq')}; ${loadavg()[0].toFixed(1)} load average on ${cpus().length} cores at the start (shared machine)`,
    );

    // --- The operations. ---
    const client = http;
    const send = async (step: StepRecord, kind: RequestKind, from: number, options: Parameters<Pool['request']>[0]): Promise<{ status: number; body: string } | undefined> => {
      try {
        const res = await client.request(options);
        const body = await res.body.text();
        step.record(kind, performance.now() - from);
        if (res.statusCode >= 400) {
          step.errors.push(`${kind} ${res.statusCode} ${body.slice(0, 160)}`);
          return undefined;
        }
        return { status: res.statusCode, body };
      } catch (error) {
        step.record(kind, performance.now() - from);
        step.errors.push(`${kind} ${(error as Error).message}`);
        return undefined;
      }
    };
    const json = { 'content-type': 'application/json' };
    const asApplicant = (d: Draft) => ({ ...json, authorization: `Bearer ${d.token}`, 'if-match': `"${d.version}"` });
    const asStaff = { authorization: `Bearer ${staffToken}` };
    let views = 0;

    const run: Record<Operation, (step: StepRecord, at: number) => Promise<boolean>> = {
      'applicant edits': async (step, at) => {
        const d = drafts.shift();
        if (!d) return false;
        // The trainings section again, one title reworded: a real change, checked and stored as a person's edit is.
        const trainings = d.portfolio.trainings.map((t, i) => (i === 0 ? { ...t, title: `Foundations, revision ${++d.edits}` } : t));
        const res = await send(step, 'PUT portfolio section', at, { method: 'PUT', path: `/api/v1/applications/${d.id}/portfolio/trainings`, headers: asApplicant(d), body: JSON.stringify({ trainings }) });
        if (res) d.version = (JSON.parse(res.body) as { version: number }).version;
        drafts.push(d);
        return true;
      },
      'applicant submits': async (step, at) => {
        const d = drafts.shift();
        if (!d) return false;
        const res = await send(step, 'POST submit', at, { method: 'POST', path: `/api/v1/applications/${d.id}/submit`, headers: asApplicant(d), body: '{}' });
        if (res) submitted.push({ id: d.id, version: (JSON.parse(res.body) as { version: number }).version });
        return true;
      },
      'staff lists': async (step, at) => {
        const view = QUEUE_VIEWS[views++ % QUEUE_VIEWS.length];
        await send(step, 'GET staff queue', at, { method: 'GET', path: `/api/v1/staff/applications?limit=50&${view}`, headers: asStaff });
        return true;
      },
      'staff transitions': async (step, at) => {
        const app = submitted.shift();
        if (!app) return false;
        await send(step, 'POST transition', at, {
          method: 'POST',
          path: `/api/v1/staff/applications/${app.id}/transitions`,
          headers: { ...json, ...asStaff, 'if-match': `"${app.version}"` },
          body: JSON.stringify({ event: 'begin_reference_checks' }),
        });
        return true;
      },
      'rater rates': async (step, at) => {
        const path = sink.raterLinks.shift();
        if (!path) return false;
        if (!(await send(step, 'GET rater form', at, { method: 'GET', path }))) return true;
        await send(step, 'POST rater form', performance.now(), { method: 'POST', path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: ratingFields.toString() });
        return true;
      },
    };

    const random = seededRandom(SEED);
    /** Offers `rate` operations a second for `ms`, open loop; resolves when the last one has answered. */
    const offer = async (rate: number, ms: number): Promise<StepRecord> => {
      const step = new StepRecord();
      const arrivals = poissonArrivals(rate, ms, random);
      const inFlight = new Set<Promise<void>>();
      const start = performance.now();
      for (const offset of arrivals) {
        const at = start + offset;
        const wait = at - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (inFlight.size >= MAX_IN_FLIGHT) {
          step.errors.push(`client: ${MAX_IN_FLIGHT} operations in flight, the rest of the step not offered`);
          break;
        }
        step.startLag.push(performance.now() - at);
        const op = pickByWeight(MIX, random());
        const p: Promise<void> = run[op](step, at).then((did) => {
          if (did) step.done.set(op, (step.done.get(op) ?? 0) + 1);
          else step.skipped++;
        });
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        step.maxInFlight = Math.max(step.maxInFlight, inFlight.size);
      }
      await Promise.all(inFlight);
      return step;
    };

    // --- Baseline: the transition path's raw capacity, on its own database with nobody else on it. ---
    const rawIds = await seedApplications(rawDs, snapshot, emptyPortfolio(), RAW_CALLERS, 'submitted');
    const rawState = rawIds.map(() => 'submitted');
    const transition = new TransitionApplication(rawDs, new SystemClock(), new OutboxNotifier(rawDs));
    const coordinator = { id: null, role: 'coordinator' as const };
    const rawCapacity = async (): Promise<number> => {
      let n = 0;
      const until = performance.now() + RAW_MS;
      const t = performance.now();
      await Promise.all(
        rawIds.map(async (id, i) => {
          while (performance.now() < until) {
            const r = await transition.execute({ applicationId: id, event: rawState[i] === 'submitted' ? 'hold' : 'resume', actor: coordinator, reason: REASON });
            rawState[i] = r.to;
            n++;
          }
        }),
      );
      return n / ((performance.now() - t) / 1000);
    };
    await rawCapacity(); // warm-up
    const rawBefore = await rawCapacity();
    console.log(`raw transition path before the climb: ${rawBefore.toFixed(0)} transitions/s (${RAW_CALLERS} callers, hold ⇄ resume, ${RAW_MS / 1000} s, pool ${RAW_CALLERS}, worker idle)`);

    // --- The climb. ---
    const warm = await offer(RATES[0], WARMUP_MS);
    const warmDrain = await drain(ds, sink, Date.now());
    console.log(`warm-up: ${warm.all.length} requests at ${RATES[0]}/s, ${warm.errors.length} errors${warm.errors.length ? ` (${warm.errors[0]})` : ''}; drained in ${(warmDrain.ms / 1000).toFixed(1)} s (not judged)`);
    sampler.take();

    interface Held {
      rate: number;
      p99: number;
      achieved: number;
    }
    let held: Held | undefined;
    let reason = `every step held (last offered ${RATES.at(-1)}/s)`;
    const steps: { rate: number; achieved: number; p99: number; errors: number; lost: number; unsent: number }[] = [];
    for (const rate of RATES) {
      if (performance.now() + STEP_MS + DRAIN_MS + RAW_MS * 2 + 15_000 > deadline) {
        reason = `time cap: another step at ${rate}/s would not finish within ${CAP_MS / 1000} s`;
        break;
      }
      const wallStart = Date.now();
      const cpu = { api: cpuMeter([api.pid!]), worker: cpuMeter([worker.pid!]), pg: cpuMeter(await backendPids(ds)) };
      const stat0 = await dbStat(ds);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const step = await offer(rate, STEP_MS);
      loop.disable();
      const stepSeconds = (Date.now() - wallStart) / 1000;
      const emails = await drain(ds, sink, wallStart);
      const activity = sampler.take();
      const stat1 = await dbStat(ds);
      const used = { api: cpu.api.stop(), worker: cpu.worker.stop(), pg: cpu.pg.stop(await backendPids(ds)) };
      const jobs = await jobTimings(queues, wallStart);
      const legs = await pipelineLegs(ds, wallStart);

      const all = summarize(step.all);
      const achieved = step.all.length ? [...step.done.values()].reduce((a, b) => a + b, 0) / (STEP_MS / 1000) : 0;
      const outcome = { p99Ms: all.p99, errors: step.errors.length, lostEmails: emails.lost, unsentEmails: emails.unsent + emails.failed };
      steps.push({ rate, achieved: round(achieved), p99: round(all.p99), errors: outcome.errors, lost: outcome.lostEmails, unsent: outcome.unsentEmails });
      const apiDb = activity.activeSeconds.get('load-api') ?? 0;
      const workerDb = activity.activeSeconds.get('load-worker') ?? 0;
      console.log(
        `\nstep ${rate}/s offered for ${STEP_MS / 1000} s: ${[...step.done.values()].reduce((a, b) => a + b, 0)} operations (${achieved.toFixed(1)}/s; ${[...step.done].map(([o, n]) => `${o} ${n}`).join(', ')}` +
          `${step.skipped ? `; ${step.skipped} found nothing to do` : ''}), ${step.all.length} requests, ${step.errors.length} errors${step.errors.length ? ` (first: ${step.errors[0]})` : ''}`,
      );
      console.log(`  latency ms p50/p95/p99 (n): all requests ${fmt(all)}`);
      for (const [kind, values] of step.latencies) console.log(`    ${kind}: ${fmt(summarize(values))}`);
      console.log(
        `  client (this process): scheduled-start lag p99 ${percentile(step.startLag, 0.99).toFixed(1)} ms, event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, ` +
          `at most ${step.maxInFlight} operations in flight, CPU ${(used.api.processMs / 1000).toFixed(1)} s`,
      );
      console.log(
        `  api: ${step.requestSeconds.toFixed(1)} request-seconds, of which PostgreSQL active for the api ${apiDb.toFixed(1)} s (${pct(apiDb, step.requestSeconds)}) and the rest ` +
          `${(step.requestSeconds - apiDb).toFixed(1)} s in the api (its CPU ${(used.api.othersMs / 1000).toFixed(1)} s, ${(used.api.othersMs / Math.max(1, step.all.length)).toFixed(1)} CPU ms/request; ` +
          `a transaction of the api open between statements ${(activity.waits.get('load-api idle in transaction') ?? 0).toFixed(1)} s; the rest queued: event loop, pool, CPU)`,
      );
      console.log(
        `  PostgreSQL: active ${sumMap(activity.activeSeconds).toFixed(1)} backend-seconds (api ${apiDb.toFixed(1)}, worker ${workerDb.toFixed(1)}; ${activity.samples} samples), ` +
          `pg_stat_database active_time +${((stat1.activeMs - stat0.activeMs) / 1000).toFixed(1)} s, ${stat1.commits - stat0.commits} commits, ${stat1.rollbacks - stat0.rollbacks} rollbacks, ` +
          `backends' CPU ${(used.pg.othersMs / 1000).toFixed(1)} s; top waits: ${topWaits(activity)}`,
      );
      console.log(
        `  worker: CPU ${(used.worker.othersMs / 1000).toFixed(1)} s; ${jobs}; outbox commit → applied p50 ${legs.appliedP50} ms, p95 ${legs.appliedP95} ms; ` +
          `email row → sent p50 ${legs.sentP50} ms, p95 ${legs.sentP95} ms`,
      );
      console.log(
        `  emails: ${emails.sentTotal} sent so far by the ledger, ${sink.deliveryIds.size} at the sink (${sink.duplicates} duplicates), ${emails.lost} lost, ${emails.unsent} unsent, ${emails.failed} failed; ` +
          `drained ${(emails.ms / 1000).toFixed(1)} s after the step; machine ${(used.api.machineBusy * 100).toFixed(0)}% busy of ${used.api.cores} cores over ${stepSeconds.toFixed(0)} s`,
      );
      const stop = stopReason(outcome, P99_LIMIT_MS);
      if (stop) {
        reason = `at ${rate}/s: ${stop}`;
        break;
      }
      held = { rate, p99: all.p99, achieved };
    }

    const rawAfter = await rawCapacity();
    const raw = median([rawBefore, rawAfter]);
    console.log(`\nraw transition path after the climb: ${rawAfter.toFixed(0)} transitions/s; mean of before and after ${raw.toFixed(0)}/s`);
    console.log(
      `highest rate held: ${held ? `${held.rate} operations/s offered (${held.achieved.toFixed(1)}/s done), p99 ${held.p99.toFixed(0)} ms` : `none (the first step, ${RATES[0]}/s, did not hold)`}; ` +
        `stopped ${reason}; whole run ${((performance.now() - began) / 1000).toFixed(0)} s`,
    );
    const value = held?.rate ?? 0;
    console.log(
      JSON.stringify({
        bench: 'load',
        value,
        unit: 'operations/s',
        baseline: round(raw),
        ratio: round(value / raw),
        target: null,
        highestRateHeld: value,
        p99AtHighest: held ? round(held.p99) : null,
        rawTransitionsPerSecond: round(raw),
        stopReason: reason,
        steps,
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

/** Draft (or submitted) IFA applications with eligible portfolios, each applicant with an account; raters unique per application. */
async function seedApplicants(ds: DataSource, snapshot: RulesSnapshot, count: number, passwordHash: string, state: 'draft' | 'submitted'): Promise<SeededApplication[]> {
  const seeded: SeededApplication[] = [];
  for (let from = 0; from < count; from += 500) {
    const n = Math.min(500, count - from);
    const tag = `${state}-${from}`;
    const emails = Array.from({ length: n }, (_, i) => `applicant-${tag}-${i}@load.example`);
    const portfolios = emails.map((_, i) =>
      eligiblePortfolio(snapshot, [0, 1, 2].map((r) => ({ name: `Rater ${r} of ${tag}-${i}`, email: `rater-${r}-${tag}-${i}@raters.example`, waived: r === 0 })), ASSOCIATION),
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

/** The PostgreSQL backends serving the database, for their CPU time. */
async function backendPids(ds: DataSource): Promise<number[]> {
  return (await ds.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).map((r) => r.pid);
}

async function dbStat(ds: DataSource): Promise<{ activeMs: number; commits: number; rollbacks: number }> {
  const [r] = await ds.query<{ activeMs: number; commits: number; rollbacks: number }[]>(
    `SELECT active_time AS "activeMs", xact_commit::int AS commits, xact_rollback::int AS rollbacks FROM pg_stat_database WHERE datname = current_database()`,
  );
  return r;
}

/**
 * Waits (at most DRAIN_MS) until the outbox is applied, the ledger has nothing queued or sending, and
 * every row it marked sent has reached the sink; then counts what is still missing.
 */
async function drain(ds: DataSource, sink: CountingSink, since: number): Promise<{ ms: number; lost: number; unsent: number; failed: number; sentTotal: number }> {
  const t0 = performance.now();
  for (;;) {
    const [c] = await ds.query<{ outbox: number; unsent: number; sent: number }[]>(
      `SELECT (SELECT count(*)::int FROM outbox WHERE processed_at IS NULL) AS outbox,
              (SELECT count(*)::int FROM email_deliveries WHERE status IN ('queued', 'sending')) AS unsent,
              (SELECT count(*)::int FROM email_deliveries WHERE status = 'sent') AS sent`,
    );
    const settled = c.outbox === 0 && c.unsent === 0 && c.sent <= sink.deliveryIds.size;
    if (settled || performance.now() - t0 > DRAIN_MS) {
      const sent = await ds.query<{ id: string }[]>(`SELECT id FROM email_deliveries WHERE status = 'sent'`);
      const [{ failed }] = await ds.query<{ failed: number }[]>(`SELECT count(*)::int AS failed FROM email_deliveries WHERE status = 'failed' AND updated_at >= $1`, [new Date(since)]);
      return { ms: performance.now() - t0, lost: sent.filter((r) => !sink.deliveryIds.has(r.id)).length, unsent: c.unsent + c.outbox, failed, sentTotal: sent.length };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait (enqueued → started) and run (started → finished) of the jobs finished since `since`, per queue and job name, from BullMQ's own timestamps. */
async function jobTimings(queues: Queue[], since: number): Promise<string> {
  const parts: string[] = [];
  for (const q of queues) {
    const jobs = (await q.getJobs(['completed'], 0, -1)).filter((j) => (j.finishedOn ?? 0) >= since);
    const failed = (await q.getJobs(['failed'], 0, -1)).filter((j) => (j.finishedOn ?? 0) >= since).length;
    const byName = new Map<string, { wait: number[]; run: number[] }>();
    for (const j of jobs) {
      const t = byName.get(j.name) ?? { wait: [], run: [] };
      t.wait.push(j.processedOn! - j.timestamp);
      t.run.push(j.finishedOn! - j.processedOn!);
      byName.set(j.name, t);
    }
    for (const [name, t] of byName) {
      parts.push(`${name} ${t.wait.length} jobs: wait p50 ${percentile(t.wait, 0.5)} p95 ${percentile(t.wait, 0.95)} ms, run p50 ${percentile(t.run, 0.5)} p95 ${percentile(t.run, 0.95)} ms`);
    }
    if (failed) parts.push(`${q.name}: ${failed} failed attempts`);
  }
  return parts.join('; ') || 'no jobs';
}

/** Outbox commit → applied, and ledger row → sent, for the rows of this step (from their own timestamps). */
async function pipelineLegs(ds: DataSource, since: number): Promise<Record<'appliedP50' | 'appliedP95' | 'sentP50' | 'sentP95', number>> {
  const [r] = await ds.query<Record<'appliedP50' | 'appliedP95' | 'sentP50' | 'sentP95', number>[]>(
    `SELECT (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - created_at) * 1000) FROM outbox WHERE created_at >= $1)::int AS "appliedP50",
            (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - created_at) * 1000) FROM outbox WHERE created_at >= $1)::int AS "appliedP95",
            (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at) * 1000) FROM email_deliveries WHERE created_at >= $1 AND sent_at IS NOT NULL)::int AS "sentP50",
            (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at) * 1000) FROM email_deliveries WHERE created_at >= $1 AND sent_at IS NOT NULL)::int AS "sentP95"`,
    [new Date(since)],
  );
  return r;
}

function topWaits(a: ActivityTotals): string {
  return (
    [...a.waits]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .map(([k, s]) => `${k} ${s.toFixed(1)} s`)
      .join(', ') || 'none'
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
const sumMap = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const pct = (part: number, whole: number) => `${whole ? ((part / whole) * 100).toFixed(0) : 0}%`;
const fmt = (s: { count: number; p50: number; p95: number; p99: number }) => `${s.p50.toFixed(1)}/${s.p95.toFixed(1)}/${s.p99.toFixed(1)} (${s.count})`;

await main();
