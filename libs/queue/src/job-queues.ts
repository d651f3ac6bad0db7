import type { Queue } from 'bullmq';
import { currentRequestId } from '#request-id';
import { JOBS, type JobKey, type PayloadOf, type QueueName } from './job-registry.js';

/**
 * Producer side of the registry: typed, deterministic-id enqueueing onto the queues BullModule
 * registers. A job queued while a request or job is handled carries that one's id, unless its payload names its own.
 */
export class JobQueues {
  constructor(private readonly queues: Readonly<Record<QueueName, Queue>>) {}

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async add<K extends JobKey>(key: K, payload: PayloadOf<K>): Promise<void> {
    const def = JOBS[key];
    await this.queue(def.queue).add(def.name, traced(payload, currentRequestId()), { ...def.options, jobId: def.jobId(payload as never) });
  }

  async addBulk<K extends JobKey>(key: K, payloads: PayloadOf<K>[]): Promise<void> {
    if (!payloads.length) return;
    const def = JOBS[key];
    const requestId = currentRequestId();
    await this.queue(def.queue).addBulk(
      payloads.map((data) => ({ name: def.name, data: traced(data, requestId), opts: { ...def.options, jobId: def.jobId(data as never) } })),
    );
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
}

function traced<P extends { requestId?: string; requestIds?: string[] }>(payload: P, requestId: string | undefined): P {
  return requestId && !payload.requestId && !payload.requestIds ? { ...payload, requestId } : payload;
}
