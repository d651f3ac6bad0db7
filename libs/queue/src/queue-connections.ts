import type { ConnectionOptions, QueueOptions } from 'bullmq';
import type { AppConfig } from '#config';

/**
 * How producers (the queues, our own client) talk to Redis: fail fast while it is away (the outbox
 * keeps the work, health says so) instead of queueing commands in memory.
 */
export const FAIL_FAST = { enableOfflineQueue: false, maxRetriesPerRequest: 1 } as const;

/** The options of every queue of the registry, as BullModule registers them. */
export function queueOptions(config: AppConfig): QueueOptions {
  return { connection: { url: config.redis.url, ...FAIL_FAST }, prefix: config.redis.prefix };
}

/** A worker's connection waits for Redis to come back instead (BullMQ requires that of its blocking commands). */
export function workerConnection(config: AppConfig): ConnectionOptions {
  return { url: config.redis.url, maxRetriesPerRequest: null };
}
