import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric the system exports, in one registry per process (docs/alerts.yml alerts on them).
 * Labels are fixed vocabularies only (route templates, queue and job names, statuses): never an id,
 * an address or anything a person typed, so the metrics text holds no personal data.
 */
export const metricsRegistry = new Registry();
// Process figures: CPU, memory, event-loop delay, garbage collection (the `process_` and `nodejs_` series).
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

export const httpRequestDuration = new Histogram({
  name: 'endorsement_http_request_duration_seconds',
  help: 'HTTP requests by method, route template (unmatched: no route) and status, and how long they took',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const jobDuration = new Histogram({
  name: 'endorsement_job_duration_seconds',
  help: 'BullMQ job attempts processed by this worker, by queue, job name and outcome (completed or failed)',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers,
});

export const jobFailures = new Counter({
  name: 'endorsement_job_failures_total',
  help: 'BullMQ job attempts that failed, by queue and job name; final="true" when no retry follows (permanent, or attempts used up)',
  labelNames: ['queue', 'job', 'final'] as const,
  registers,
});

export const queueJobs = new Gauge({
  name: 'endorsement_queue_jobs',
  help: 'Jobs in each BullMQ queue by state (waiting, active, delayed, failed), read from Redis at scrape time',
  labelNames: ['queue', 'state'] as const,
  registers,
});

export const outboxLag = new Gauge({
  name: 'endorsement_outbox_lag_seconds',
  help: 'Age of the oldest outbox row not yet handed to Redis by the relay (0: none waiting), read at scrape time',
  registers,
});

export const outboxUnprocessedAge = new Gauge({
  name: 'endorsement_outbox_unprocessed_age_seconds',
  help: 'Age of the oldest outbox row whose effects are not applied yet (0: none), read at scrape time',
  registers,
});

export const emailLedgerRows = new Gauge({
  name: 'endorsement_email_ledger_rows',
  help: 'Email ledger rows by status (queued, sending, failed, bounced, suppressed; sent ones are counted by endorsement_emails_sent_total), read at scrape time',
  labelNames: ['status'] as const,
  registers,
});

export const emailsSent = new Counter({
  name: 'endorsement_emails_sent_total',
  help: 'Emails accepted by the SMTP server (250) and marked sent in the ledger by this process',
  registers,
});

export const bounces = new Counter({
  name: 'endorsement_bounces_total',
  help: 'Bounce and spam-complaint reports received, by source (DSN, ARF, Amazon SES, SendGrid), kind and outcome (recorded, unchanged, unknown)',
  labelNames: ['source', 'kind', 'outcome'] as const,
  registers,
});

export const referencesOverdue = new Gauge({
  name: 'endorsement_references_overdue',
  help: 'References still waiting for their rater past the escalation day of their association (the reminder rules), read at scrape time',
  registers,
});

export const remindersDue = new Gauge({
  name: 'endorsement_reminders_due',
  help: 'Reminders whose time has come but which the reminder sweep has not sent yet, read at scrape time',
  registers,
});

export const remindersOldestDueAge = new Gauge({
  name: 'endorsement_reminders_oldest_due_age_seconds',
  help: 'How long the oldest reminder not yet sent has been due (0: none), read at scrape time',
  registers,
});

export const sweepDuration = new Histogram({
  name: 'endorsement_sweep_duration_seconds',
  help: 'Sweeps run by this worker (reminders, renewals, exam-approvals) and how long each took, by outcome',
  labelNames: ['sweep', 'outcome'] as const,
  buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600],
  registers,
});

export const sweepLastSuccess = new Gauge({
  name: 'endorsement_sweep_last_success_timestamp_seconds',
  help: 'When each sweep last ran to the end (Unix time, from PostgreSQL, whichever worker ran it), read at scrape time',
  labelNames: ['sweep'] as const,
  registers,
});
