import { randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { loadConfig } from '#config';
import { openJobQueues } from '#queue';
import { deliveryStatusNotification } from '../support/bounce-reports.js';
import { AppProcess } from '../support/app-process.js';
import { FaultEnv } from '../support/fault-env.js';
import { header } from '../support/mail-reading.js';
import { fireAll, seedSubmitted } from '../support/pipeline-fixture.js';
import { freePort, waitForPort } from '../support/ports.js';
import { waitFor } from '../support/worker-harness.js';

/** The relay's advisory lock (apps/worker/src/outbox/outbox-relay.service.ts): held here, no relay publishes. */
const PUBLISHER_LOCK = 4_711_630_001;
const BOUNCE_DOMAIN = 'bounces.endorsement.test';
const TAG = 'metrics';
const RATERS = 3;

/** One sample's value from Prometheus' text format, or undefined: `name{a="1",b="2"} 3`, every given label matching. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('Prometheus metrics of the api and worker processes', () => {
  const env = new FaultEnv();
  let api: AppProcess;
  let worker: AppProcess;
  let relayHolder: pg.Client;
  let bouncePort: number;
  const scrape = async (p: AppProcess) => {
    const res = await fetch(p.metricsUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    await env.setUp();
    // Hold the publisher lock first, so the outbox rows written below wait, unpublished, until released.
    relayHolder = new pg.Client({ connectionString: env.db.url });
    await relayHolder.connect();
    await relayHolder.query(`SELECT pg_advisory_lock($1)`, [PUBLISHER_LOCK]);
    bouncePort = await freePort();
    // An hour between reminder sweeps: the one at start-up runs, and a reminder made due afterwards stays due.
    const workerEnv = env.workerEnv({ REMINDER_SWEEP_EVERY_MS: '3600000', BOUNCE_DOMAIN, BOUNCE_SMTP_PORT: String(bouncePort) });
    [api, worker] = await Promise.all([new AppProcess('api', env.workerEnv()).start(), new AppProcess('worker', workerEnv).start()]);
    await waitForPort(bouncePort);
  }, 120_000);
  afterAll(async () => {
    await relayHolder?.end();
    await Promise.all([api?.kill('SIGTERM'), worker?.kill('SIGTERM')]);
    await env.tearDown();
  });

  test('the public ports do not answer /metrics; the metrics listener serves only GET /metrics, on loopback', async () => {
    const publicMetrics = await fetch(api.url('/metrics'));
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.text()).not.toContain('endorsement_');
    expect((await fetch(api.url('/api/v1/metrics'))).status).toBe(404);
    expect((await fetch(worker.url('/metrics'))).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${api.metricsPort}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${api.metricsPort}/metrics`, { method: 'POST' })).status).toBe(404);
    // Bound to 127.0.0.1 (the default): this machine's other addresses do not reach it.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) await expect(fetch(`http://${external.address}:${api.metricsPort}/metrics`)).rejects.toThrow();
  });

  test('api: request durations by route template and status, with no ids, addresses or names in the text', async () => {
    const email = 'Quentin.Metricsperson@family.example';
    const id = randomUUID();
    const register = await fetch(api.url('/api/v1/auth/register'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a long applicant passphrase', fullName: 'Quentin Metricsperson', associationCode: 'MI-AIMH' }),
    });
    expect(register.status).toBe(202);
    for (let i = 0; i < 3; i++) expect((await fetch(api.url(`/api/v1/applications/${id}`))).status).toBe(401);
    expect((await fetch(api.url(`/api/v1/registry?q=Metricsperson&association=MI-AIMH`))).status).toBe(200);
    expect((await fetch(api.url(`/api/v1/no-such-area/${encodeURIComponent(email)}`))).status).toBe(404);

    const text = await scrape(api);
    const count = (route: string, status: string, method = 'GET') => sample(text, 'endorsement_http_request_duration_seconds_count', { method, route, status });
    expect(count('/api/v1/auth/register', '202', 'POST')).toBe(1);
    expect(count('/api/v1/applications/:id', '401')).toBe(3);
    expect(count('/api/v1/registry', '200')).toBe(1);
    // The api's own catch-all under /api/v1 answers the 404: its template, not the address asked for.
    expect(count('/api/v1*path', '404')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'endorsement_http_request_duration_seconds_bucket', { route: '/api/v1/applications/:id', le: '+Inf' })).toBe(3);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    for (const secret of [id, 'Metricsperson', 'family.example', '@']) expect(text).not.toContain(secret);
  });

  test('worker: outbox lag while no relay publishes, then emails sent, ledger counts, queues, jobs, bounces, reminders and sweeps', async () => {
    const ids = await seedSubmitted(env.ds, RATERS, TAG);
    await fireAll(env.ds, ids, 'begin_reference_checks');
    // Nothing published: the oldest row's age is the lag, and it grows.
    const held = await waitFor(
      'a positive outbox lag',
      () => scrape(worker),
      (t) => (sample(t, 'endorsement_outbox_lag_seconds') ?? 0) > 0,
    );
    expect(sample(held, 'endorsement_outbox_unprocessed_age_seconds')).toBeGreaterThan(0);
    expect(sample(held, 'endorsement_emails_sent_total')).toBe(0);

    await relayHolder.query(`SELECT pg_advisory_unlock($1)`, [PUBLISHER_LOCK]);
    const requests = await waitFor(
      `${RATERS} rater requests accepted`,
      () => env.smtp.messages.filter((m) => m.to[0]?.startsWith(`rater-${TAG}-`)),
      (m) => m.length === RATERS,
    );
    const unsent = async () => (await env.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM email_deliveries WHERE status <> 'sent'`))[0].n;
    await waitFor('every ledger row sent', unsent, (n) => n === 0);
    const [{ sent }] = await env.ds.query<{ sent: number }[]>(`SELECT count(*)::int AS sent FROM email_deliveries WHERE status = 'sent'`);
    expect(sent).toBeGreaterThanOrEqual(RATERS);
    const flowed = await waitFor(
      'the lag back to 0, every email counted',
      () => scrape(worker),
      (t) =>
        sample(t, 'endorsement_outbox_lag_seconds') === 0 &&
        sample(t, 'endorsement_outbox_unprocessed_age_seconds') === 0 &&
        sample(t, 'endorsement_emails_sent_total') === sent,
    );
    for (const status of ['queued', 'sending', 'failed', 'bounced', 'suppressed']) expect(sample(flowed, 'endorsement_email_ledger_rows', { status })).toBe(0);
    expect(sample(flowed, 'endorsement_job_duration_seconds_count', { queue: 'effects', job: 'apply-effects', outcome: 'completed' })).toBeGreaterThanOrEqual(
      1,
    );
    for (const queue of ['effects', 'mail', 'sweeps', 'renewals']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(sample(flowed, 'endorsement_queue_jobs', { queue, state })).toEqual(expect.any(Number));
    }

    // Queue depth: a delayed job in the mail queue.
    const { jobs, close } = openJobQueues(loadConfig({ REDIS_URL: env.redisUrl, QUEUE_PREFIX: env.redis.prefix }));
    try {
      await jobs.queue('mail').add('send-email', { deliveryId: randomUUID() }, { delay: 3_600_000, jobId: 'metrics-test-delayed' });
      expect(sample(await scrape(worker), 'endorsement_queue_jobs', { queue: 'mail', state: 'delayed' })).toBe(1);
      await jobs.queue('mail').remove('metrics-test-delayed');
      // A job no handler knows fails for good at once: a final failure of its queue.
      await jobs.queue('mail').add('metrics-probe', {}, { jobId: 'metrics-test-unknown', attempts: 5 });
      await waitFor(
        'the failure counted, and the job in the failed set',
        () => scrape(worker),
        (t) =>
          sample(t, 'endorsement_job_failures_total', { queue: 'mail', job: 'metrics-probe', final: 'true' }) === 1 &&
          sample(t, 'endorsement_queue_jobs', { queue: 'mail', state: 'failed' }) === 1,
      );
    } finally {
      await close();
    }

    // A bounce, reported to the worker's receiver: counted, and its ledger row counted as bounced.
    const bounced = requests[0];
    await sendReport(bounced.from, deliveryStatusNotification({ to: bounced.from, recipient: bounced.to[0], original: bounced.raw }));
    const afterBounce = await waitFor(
      'the bounce counted',
      () => scrape(worker),
      (t) => sample(t, 'endorsement_bounces_total', { source: 'DSN', kind: 'bounce', outcome: 'recorded' }) === 1,
    );
    expect(sample(afterBounce, 'endorsement_email_ledger_rows', { status: 'bounced' })).toBe(1);
    expect(header(bounced, 'X-Delivery-Id')).toBeTruthy();

    // Reminder rules: a reference whose escalation day has passed with no rating is overdue; a reminder due and not sent is counted.
    const refs = await env.ds.query<{ id: string }[]>(`SELECT id FROM application_references WHERE status = 'requested' ORDER BY id`);
    expect(refs.length).toBe(RATERS - 1);
    // As if it were requested 30 days ago: the day-21 notice went out 9 days ago.
    await env.ds.query(`UPDATE application_references SET requested_at = now() - interval '30 days' WHERE id = $1`, [refs[0].id]);
    await env.ds.query(
      `UPDATE reminders SET due_at = now() - interval '9 days', status = 'done', fired_at = now() WHERE kind = 'reference_overdue' AND reference_id = $1`,
      [refs[0].id],
    );
    await env.ds.query(`UPDATE reminders SET due_at = now() - interval '1 hour' WHERE kind = 'reference_reminder' AND offset_days = 7 AND reference_id = $1`, [
      refs[1].id,
    ]);
    const overdue = await scrape(worker);
    expect(sample(overdue, 'endorsement_references_overdue')).toBe(1);
    expect(sample(overdue, 'endorsement_reminders_due')).toBe(1);
    expect(sample(overdue, 'endorsement_reminders_oldest_due_age_seconds')).toBeGreaterThanOrEqual(3600);

    // Sweeps: the ones the schedulers ran at start-up, timed and recorded in PostgreSQL.
    const now = Date.now() / 1000;
    for (const sweep of ['reminders', 'renewals', 'exam-approvals']) {
      expect(sample(overdue, 'endorsement_sweep_last_success_timestamp_seconds', { sweep })).toBeGreaterThan(now - 600);
      expect(sample(overdue, 'endorsement_sweep_duration_seconds_count', { sweep, outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    }
    // What no route matched is labelled by the catch-all's template, never by the address asked for.
    const probe = randomUUID();
    expect((await fetch(worker.url(`/health/${probe}`))).status).toBe(404);
    expect(await scrape(worker)).not.toContain(probe);
    for (const secret of ['example.org', '@', 'Applicant', ...ids]) expect(overdue).not.toContain(secret);
  }, 120_000);

  /** A mail server returning a report to the bounce receiver, with the null sender reports carry. */
  async function sendReport(to: string, raw: string): Promise<void> {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: bouncePort, ignoreTLS: true });
    try {
      await transport.sendMail({ envelope: { from: '', to }, raw });
    } finally {
      transport.close();
    }
  }
});
