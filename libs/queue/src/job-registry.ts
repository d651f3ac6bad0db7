import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job of the system, with its payload and options.
 *
 * NEVER RENAME a released queue or job name: they are stored in Redis with every job, and a renamed
 * name orphans the jobs already queued under the old one. Add new names instead.
 */
export const QUEUE_NAMES = ['effects', 'mail', 'sweeps', 'renewals'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

// Completed jobs are kept longer than the relay re-publishes unprocessed rows (see outbox relay), so a
// deterministic job id deduplicates a second publish instead of running the job twice.
const KEEP_COMPLETED = { age: 24 * 3600, count: 100_000 };
const KEEP_FAILED = { age: 14 * 24 * 3600 };

interface JobDefinition<P> {
  readonly queue: QueueName;
  readonly name: string;
  /** Deterministic, so a job published twice is one job; BullMQ ids must not contain ':'. */
  readonly jobId: (payload: P) => string;
  readonly options: JobsOptions;
  /** Type carrier only. */
  readonly payload?: P;
}

/**
 * What every job's data may carry besides its payload: the id of the request (or job) that caused it,
 * or, for a job that serves several (a relay run of outbox rows), each of theirs. JobQueues adds the
 * current one; the processor runs the job and its log lines under it.
 */
export interface Traced {
  requestId?: string;
  requestIds?: string[];
}

function job<P>(definition: Omit<JobDefinition<P>, 'payload'>): JobDefinition<P> {
  return definition;
}

export const JOBS = {
  /**
   * Apply one outbox row's side effect (expand it into emails, reference requests, reminders …): a
   * row of a failed `applyEffects` run, retried on its own.
   */
  applyEffect: job<{ outboxId: string }>({
    queue: 'effects',
    name: 'apply-effect',
    jobId: (p) => `outbox-${p.outboxId}`,
    options: { attempts: 8, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  }),
  /**
   * Apply a run of outbox rows (ascending ids) in one transaction and send their emails together: the
   * relay's usual job. If the run fails it is split into `applyEffect` jobs, so one bad row retries alone.
   */
  applyEffects: job<{ outboxIds: string[] }>({
    queue: 'effects',
    name: 'apply-effects',
    jobId: (p) => `outbox-${p.outboxIds[0]}-to-${p.outboxIds.at(-1)}-n${p.outboxIds.length}`,
    options: { attempts: 8, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  }),
  /** Send one row of the email ledger. Transient SMTP failures retry with backoff. */
  sendEmail: job<{ deliveryId: string }>({
    queue: 'mail',
    name: 'send-email',
    jobId: (p) => `email-${p.deliveryId}`,
    options: { attempts: 12, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  }),
  /** Turn due reminder rows into emails; run by a job scheduler. */
  sweepReminders: job<Record<string, never>>({
    queue: 'sweeps',
    name: 'sweep-reminders',
    jobId: () => 'sweep-reminders',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  }),
  /** Find endorsements whose renewal opens or whose late window has ended; run by a job scheduler. */
  sweepRenewals: job<Record<string, never>>({
    queue: 'sweeps',
    name: 'sweep-renewals',
    jobId: () => 'sweep-renewals',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  }),
  /**
   * Close the applications whose approval to sit the exam ran out with no sitting booked, as their
   * association's rules say; run by a job scheduler, on the renewal sweep's cadence (both go by calendar days).
   */
  sweepExamApprovals: job<Record<string, never>>({
    queue: 'sweeps',
    name: 'sweep-exam-approvals',
    jobId: () => 'sweep-exam-approvals',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  }),
  /**
   * Move one renewal cycle a step (open it, or lapse it): the named endorsement and its holder's others
   * of the same association and due day, re-checked against the rows.
   */
  renewalStep: job<{ applicationId: string; dueOn: string; step: 'open' | 'lapse' }>({
    queue: 'renewals',
    name: 'renewal-step',
    jobId: (p) => `renewal-${p.applicationId}-${p.dueOn}-${p.step}`,
    options: { attempts: 8, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  }),
} as const;

export type JobKey = keyof typeof JOBS;
export type PayloadOf<K extends JobKey> = ((typeof JOBS)[K] extends JobDefinition<infer P> ? P : never) & Traced;
