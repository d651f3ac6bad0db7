import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh BullMQ key prefix (QUEUE_PREFIX) for one benchmark round. */
export function benchRedisPrefix(): string {
  return `bench_${randomBytes(6).toString('hex')}`;
}

/** Deletes every key under the given prefixes (SCAN MATCH prefix:* + DEL); returns how many. */
export async function deleteRedisPrefixes(prefixes: Iterable<string>, url = BENCH_REDIS_URL): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) deleted += await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** "redis_version" from INFO server, for the printed setup. */
export async function redisVersion(url = BENCH_REDIS_URL): Promise<string> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}
