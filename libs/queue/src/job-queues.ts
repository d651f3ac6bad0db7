import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { JOBS, QUEUE_NAMES, type JobKey, type PayloadOf, type QueueName } from './job-registry.js';

/** Producer side of the registry: typed, deterministic-id enqueueing. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues: Map<QueueName, Queue>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Producers fail fast while Redis is away (the outbox keeps the work) instead of buffering in memory.
    const connection = { url: config.redis.url, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    this.queues = new Map(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix: config.redis.prefix })]));
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  async add<K extends JobKey>(key: K, payload: PayloadOf<K>): Promise<void> {
    const def = JOBS[key];
    await this.queue(def.queue).add(def.name, payload, { ...def.options, jobId: def.jobId(payload as never) });
  }

  async addBulk<K extends JobKey>(key: K, payloads: PayloadOf<K>[]): Promise<void> {
    if (!payloads.length) return;
    const def = JOBS[key];
    await this.queue(def.queue).addBulk(payloads.map((data) => ({ name: def.name, data, opts: { ...def.options, jobId: def.jobId(data as never) } })));
  }

  /**
   * (Re)creates the job schedulers. Idempotent; the worker calls it periodically so that a wiped
   * Redis gets its schedules back without a restart.
   */
  async ensureSchedulers(every: { reminderSweepMs: number; renewalSweepMs: number }): Promise<void> {
    for (const [def, ms] of [
      [JOBS.sweepReminders, every.reminderSweepMs],
      [JOBS.sweepRenewals, every.renewalSweepMs],
      [JOBS.sweepExamApprovals, every.renewalSweepMs],
    ] as const) {
      await this.queue(def.queue).upsertJobScheduler(def.jobId({}), { every: ms }, { name: def.name, data: {}, opts: def.options });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
