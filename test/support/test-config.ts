import { loadConfig, type AppConfig } from '#config';
import { TEST_REDIS_URL } from './test-redis.js';

/**
 * Configuration for an in-process app under test: its own database and Redis prefix, quiet logs.
 * The open pages and each account's writes are throttled generously (tests make many requests from
 * 127.0.0.1 with few accounts); the throttle tests set low limits themselves.
 */
export function testConfig(env: { databaseUrl: string; redisPrefix: string; smtpPort: number } & Record<string, string | number>): AppConfig {
  const { databaseUrl, redisPrefix, smtpPort, ...rest } = env;
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: redisPrefix,
    SMTP_PORT: String(smtpPort),
    MAIL_CATCHER: 'off',
    PUBLIC_THROTTLE_LIMIT: '100000',
    WRITE_THROTTLE_LIMIT: '100000',
    ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])),
  });
}
