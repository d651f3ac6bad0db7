import type { Job } from 'bullmq';
import type { JobKey, PayloadOf } from './job-registry.js';

/** Handles one job of the registry. The payload names rows; the handler reloads and re-checks them. */
export interface JobHandler<K extends JobKey = JobKey> {
  readonly job: K;
  handle(payload: PayloadOf<K>, job: Job): Promise<void>;
  /** Called when BullMQ has used up a job's attempts, so the failure is recorded where people see it. */
  onGiveUp?(payload: PayloadOf<K>, error: Error): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
