import { loadConfig, type AppConfig } from '#config';
import { TEST_REDIS_URL } from './test-redis.js';

/** Configuration for an in-process app under test: its own database and Redis prefix, quiet logs. */
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
    ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])),
  });
}
