import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { JobQueues } from './job-queues.js';
import { QUEUE_NAMES, type QueueName } from './job-registry.js';
import { FAIL_FAST, queueOptions } from './queue-connections.js';
import { RedisClient } from './redis.client.js';

/**
 * Redis for a process: the registry's queues (registered with BullModule, which closes them on
 * shutdown), the typed job producers over them, and one client of ours (health checks).
 */
@Global()
@Module({
  imports: [BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: queueOptions }), BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })))],
  providers: [
    {
      provide: JobQueues,
      inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
      useFactory: (...queues: Queue[]) => new JobQueues(Object.fromEntries(QUEUE_NAMES.map((name, i) => [name, queues[i]])) as Record<QueueName, Queue>),
    },
    {
      provide: RedisClient,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RedisClient(config.redis.url, FAIL_FAST),
    },
  ],
  exports: [RedisClient, JobQueues],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(RedisClient) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
