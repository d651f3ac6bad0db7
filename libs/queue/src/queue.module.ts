import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { JobQueues } from './job-queues.js';
import { RedisClient } from './redis.client.js';

/** Redis for a process: the typed job producers and one client of ours (health checks). */
@Global()
@Module({
  providers: [
    JobQueues,
    {
      provide: RedisClient,
      inject: [APP_CONFIG],
      // Fail fast while Redis is away (health says so) instead of queueing commands in memory.
      useFactory: (config: AppConfig) => new RedisClient(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
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
