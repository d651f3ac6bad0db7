import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { RedisClient } from './redis.client.js';

/** Redis for a process: BullMQ's shared connection settings and key prefix, and one client of ours. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redis.url, maxRetriesPerRequest: null },
        prefix: config.redis.prefix,
      }),
    }),
  ],
  providers: [
    {
      provide: RedisClient,
      inject: [APP_CONFIG],
      // Fail fast while Redis is away (health says so) instead of queueing commands in memory.
      useFactory: (config: AppConfig) =>
        new RedisClient(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
    },
  ],
  exports: [RedisClient, BullModule],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(RedisClient) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
