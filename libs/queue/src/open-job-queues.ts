import { Queue } from 'bullmq';
import type { AppConfig } from '#config';
import { JobQueues } from './job-queues.js';
import { QUEUE_NAMES, type QueueName } from './job-registry.js';
import { queueOptions } from './queue-connections.js';

/**
 * The producers a process gets from QueueModule, opened without Nest (benchmarks, tests of one part);
 * `close` ends their connections, as BullModule does on shutdown.
 */
export function openJobQueues(config: AppConfig): { jobs: JobQueues; close: () => Promise<void> } {
  const queues = Object.fromEntries(QUEUE_NAMES.map((name) => [name, new Queue(name, queueOptions(config))])) as Record<QueueName, Queue>;
  return { jobs: new JobQueues(queues), close: async () => void (await Promise.all(Object.values(queues).map((q) => q.close()))) };
}
