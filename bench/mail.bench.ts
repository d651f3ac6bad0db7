/**
 * Emails per second end to end: transition committed → outbox → relay → apply-effects job (the
 * run's effects and ledger rows in one transaction) → the run's emails (one claim, one model query,
 * render, pooled SMTP send, grouped sent marks) → 250 at a local sink, with the real worker as its
 * own long-lived process, as deployed; each transition under a request id of its own, as an HTTP
 * request's, which the message carries (X-Request-ID). Each round's transitions are committed while the worker is
 * paused (SIGSTOP; the transition path has its own benchmark); the clock runs from the moment it
 * resumes (SIGCONT), so the relay's wake-up counts too. Beside it, a same-run baseline renders the same messages (same
 * template and model) and sends them with a pooled nodemailer transport of the same configuration,
 * to the same sink, with the same number of sends in flight. Both are timed to the last 250, both
 * warmed by the same warm-up round. Every round uses fresh applications; rounds alternate; medians
 * are compared.
 * Profile the worker with BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"; BENCH_LOG_LEVEL=info
 * makes the worker write its log lines as deployed (to /dev/null) instead of none.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '#config';
import { dataSourceOptions, OutboxNotifier, runMigrations } from '#db';
import { TransitionApplication, TransitionsRepository } from '#endorsement';
import { emptyPortfolio, loadFramework } from '#framework';
import { createMailTransport, renderEmail, type EmailModel, type MailTransport } from '#mail';
import { SystemClock } from '#platform';
import { withRequestId } from '#request-id';
import { createBenchDatabase, median, printResult, seedApplications } from './support/bench-database.js';
import { BenchSmtpSink, within } from './support/bench-smtp-sink.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes, redisVersion } from './support/bench-redis.js';
import { forEachConcurrently } from './support/concurrency.js';
import { startWorkerProcess, stopWorker } from './support/worker-process.js';
import { cpuMeter } from './support/cpu-meter.js';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 32);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 120_000);
const TARGET = 0.7;
const POOL_MAX_CONNECTIONS = 5; // createMailTransport's maxConnections
const REASON = 'Benchmark: waiting for the transcript of your coursework.';
const coordinator = { id: null, role: 'coordinator' as const };

interface Recipient {
  applicationId: string;
  email: string;
  name: string;
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const sink = await new BenchSmtpSink().start();
  const prefix = benchRedisPrefix();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    MAIL_CATCHER: 'off',
    DATABASE_URL: db.url,
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: prefix,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS ?? '50',
  };
  for (const key of ['MAIL_CONCURRENCY', 'DATABASE_POOL_SIZE']) if (process.env[key]) env[key] = process.env[key]!;
  const config: AppConfig = loadConfig(env);
  const framework = loadFramework();
  const snapshot = framework.rulesSnapshot('MI-AIMH', 'IFA');
  const association = framework.association('MI-AIMH');

  const ds = await new DataSource(dataSourceOptions(config, 'bench')).initialize();
  const baselineTransport: MailTransport = createMailTransport(config.smtp);
  let worker: ChildProcess | undefined;
  try {
    await runMigrations(ds);
    const running = (worker = await startWorkerProcess(env));
    const transition = new TransitionApplication(ds, new TransitionsRepository(ds), new SystemClock(), new OutboxNotifier(ds));

    /** The PostgreSQL backends serving the bench database (the worker's and ours), for the CPU figures. */
    const backendPids = async (): Promise<number[]> =>
      (await ds.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).map((r) => r.pid);

    const fresh = async (count: number): Promise<Recipient[]> => {
      const ids = await seedApplications(ds, snapshot, emptyPortfolio(), count, 'submitted');
      const rows = await ds.query<{ id: string; email: string; full_name: string }[]>(
        `SELECT a.id, p.email, p.full_name FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = ANY($1::uuid[])`,
        [ids],
      );
      await ds.query(`ANALYZE`);
      return rows.map((r) => ({ applicationId: r.id, email: r.email, name: r.full_name }));
    };

    /**
     * Ours: one `hold` per application (one on_hold email each) is committed while the worker is
     * paused, untimed (the transition path has its own benchmark); then the worker resumes and the
     * clock runs from its resume to the last 250: committed → published → applied → sent.
     */
    const viaPipeline = async (count: number): Promise<number> => {
      const apps = await fresh(count);
      running.kill('SIGSTOP');
      await forEachConcurrently(apps, CALLERS, async (a) => {
        await withRequestId(randomUUID(), () => transition.execute({ applicationId: a.applicationId, event: 'hold', actor: coordinator, reason: REASON }));
      });
      const last = sink.expect(count);
      const cpu = cpuMeter([running.pid!, ...(await backendPids())]);
      const started = performance.now();
      running.kill('SIGCONT');
      const end = await within(last, TIMEOUT_MS, () => `${count} emails through the worker (${sink.received} received)`);
      const used = cpu.stop([running.pid!, ...(await backendPids())]);
      await waitForLedger(ds, apps, count); // untimed: the last sent marks land after the last 250
      if (!/X-Template: on_hold/i.test(sink.sample ?? '') || !/X-Request-ID: [0-9a-f-]{36}/i.test(sink.sample ?? ''))
        throw new Error('the worker sent something other than the on_hold email with its request id');
      // Where the time went, from the rows' own timestamps (untimed, after the round): when each stage began and ended.
      const [t] = await ds.query<Record<'a0' | 'a1' | 's0' | 's1', Date>[]>(
        `SELECT min(o.processed_at) AS a0, max(o.processed_at) AS a1,
                min(d.sent_at) AS s0, max(d.sent_at) AS s1
           FROM outbox o LEFT JOIN email_deliveries d ON d.application_id = o.application_id
          WHERE o.application_id = ANY($1::uuid[])`,
        [apps.map((x) => x.applicationId)],
      );
      const resumed = performance.timeOrigin + started;
      const at = (d: Date) => Math.max(0, Math.round(d.getTime() - resumed)); // PostgreSQL's clock vs ours: never "-0"
      const span = (from: Date, to: Date) => `+${at(from)}…+${at(to)} ms`;
      console.log(
        `  pipeline: ${count} messages, avg ${(sink.bytes / count).toFixed(0)} bytes; from the resume: applied ${span(t.a0, t.a1)}, ` +
          `marked sent ${span(t.s0, t.s1)}, last 250 +${(end - started).toFixed(0)} ms; ` +
          `CPU ms/email: this process (sink) ${(used.processMs / count).toFixed(2)}, worker and PostgreSQL ${(used.othersMs / count).toFixed(2)}; machine ${(used.machineBusy * 100).toFixed(0)}% busy of ${used.cores} cores`,
      );
      return count / ((end - started) / 1000);
    };

    /** Baseline: render the same on_hold email (same model as EmailModelBuilder builds) and send it pooled; first send → last 250. */
    const viaNodemailer = async (count: number): Promise<number> => {
      const apps = await fresh(count); // untimed, as in ours
      const model = (a: Recipient): EmailModel => ({
        association: { code: association.code, name: association.name, contactEmail: association.coordinatorEmail },
        recipient: { name: a.name },
        applicant: { name: a.name },
        categoryName: snapshot.displayName,
        applicationUrl: `${config.http.publicBaseUrl}/applications/${a.applicationId}`,
        reason: REASON,
      });
      const last = sink.expect(count);
      const cpu = cpuMeter(await backendPids());
      const started = performance.now();
      await forEachConcurrently(apps, config.pipeline.mailConcurrency, async (a) => {
        const message = renderEmail('on_hold', model(a));
        await baselineTransport.sendMail({
          from: config.smtp.from,
          to: { name: a.name, address: a.email },
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: { 'X-Delivery-Id': randomUUID(), 'X-Template': 'on_hold', 'X-Request-ID': randomUUID() },
        });
      });
      const end = await within(last, TIMEOUT_MS, () => `${count} emails from nodemailer (${sink.received} received)`);
      const used = cpu.stop(await backendPids());
      console.log(
        `  nodemailer: ${count} messages, avg ${(sink.bytes / count).toFixed(0)} bytes; last 250 +${(end - started).toFixed(0)} ms; ` +
          `CPU ms/email: this process (sender and sink) ${(used.processMs / count).toFixed(2)}, PostgreSQL ${(used.othersMs / count).toFixed(2)}; machine ${(used.machineBusy * 100).toFixed(0)}% busy of ${used.cores} cores`,
      );
      return count / ((end - started) / 1000);
    };

    const warm = Math.max(50, Math.floor(EMAILS / 10));
    await viaPipeline(warm); // warm-up both
    await viaNodemailer(warm);
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      a.push(await viaPipeline(EMAILS));
      b.push(await viaNodemailer(EMAILS));
      console.log(`round ${r + 1}: end to end ${a[r].toFixed(0)} emails/s, pooled nodemailer ${b[r].toFixed(0)} emails/s`);
    }

    const require = createRequire(import.meta.url);
    const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
    console.log(
      `setup: ${EMAILS} emails per round (one on_hold email per transition), ${CALLERS} concurrent transition callers, MAIL_CONCURRENCY ${config.pipeline.mailConcurrency} ` +
        `(baseline sends in flight: the same), SMTP pool maxConnections ${POOL_MAX_CONNECTIONS} on both, DATABASE_POOL_SIZE ${config.database.poolSize}, ` +
        `OUTBOX_POLL_MS ${config.pipeline.outboxPollMs}, transitions committed while the worker is paused (timed from its resume), worker in its own long-lived process, smtp-server sink in this one, ${ROUNDS} alternating rounds (+1 warm-up of ${warm}); ` +
        `node ${process.version}, nodemailer ${version('nodemailer')}, bullmq ${version('bullmq')}, redis ${await redisVersion()}`,
    );
    console.log(`end to end (median): ${median(a).toFixed(0)} emails/s; pooled nodemailer baseline (median): ${median(b).toFixed(0)} emails/s`);
    printResult({ bench: 'mail', value: median(a), unit: 'emails/s', baseline: median(b), target: TARGET });
  } finally {
    baselineTransport.close();
    if (worker) await stopWorker(worker);
    await ds.destroy();
    await sink.stop();
    await deleteRedisPrefixes([prefix]);
    await db.drop();
  }
}

/** Waits until the ledger says every email of the round was sent. */
async function waitForLedger(ds: DataSource, apps: Recipient[], count: number): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const [{ sent }] = await ds.query<{ sent: number }[]>(
      `SELECT count(*)::int AS sent FROM email_deliveries WHERE application_id = ANY($1::uuid[]) AND status = 'sent'`,
      [apps.map((a) => a.applicationId)],
    );
    if (sent === count) return;
    if (Date.now() > deadline) throw new Error(`the ledger says ${sent} of ${count} sent`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

await main();
