import { Redis } from 'ioredis';
import type { AppConfig } from '#config';
import type { ServiceProblem } from './service-problem.js';

/**
 * Reaches Redis and refuses an eviction policy other than noeviction: under any other policy Redis
 * may silently drop BullMQ's keys, and with them queued emails and reminders.
 */
export async function checkRedis(config: AppConfig): Promise<ServiceProblem | null> {
  const url = new URL(config.redis.url);
  const address = `${url.hostname}:${url.port || 6379}`;
  const redis = new Redis(config.redis.url, {
    lazyConnect: true,
    connectTimeout: config.startupCheckTimeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const info = await redis.info('memory');
    const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
    if (policy && policy !== 'noeviction') {
      return {
        service: 'Redis',
        line:
          `Redis at ${address} has maxmemory-policy "${policy}"; it must be "noeviction" or queued jobs can be evicted ` +
          'and emails lost. Run `redis-cli CONFIG SET maxmemory-policy noeviction` (and set it in redis.conf).',
      };
    }
    return null;
  } catch (e) {
    return {
      service: 'Redis',
      line:
        `Redis is not reachable at ${address} (${(e as Error).message}). Start it with \`docker compose up -d redis\`, ` +
        'or locally `redis-server --daemonize yes --bind 127.0.0.1 --port 6379`, or point REDIS_URL at a running server.',
    };
  } finally {
    redis.disconnect();
  }
}
