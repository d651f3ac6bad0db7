import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '#platform';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { testConfig } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix } from '../support/test-redis.js';
import { caller } from './auth-harness.js';

const LIMIT = 3;

describe('throttling of the sign-in routes', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  const smtp = new SmtpSink();
  let api: INestApplication;
  const call = caller(() => api);
  const logIn = () => call('POST', '/auth/login', { body: { email: 'someone@example.org', password: 'a guess at the password' } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await smtp.start();
    const config = testConfig({ databaseUrl: db.url, redisPrefix: redis.prefix, smtpPort: smtp.port, DATABASE_POOL_SIZE: 2, AUTH_THROTTLE_LIMIT: LIMIT, AUTH_THROTTLE_TTL_MS: 60_000 });
    api = await createHttpApp(ApiModule.forRoot(config) as never, config, 0);
  });

  afterAll(async () => {
    await api?.close();
    await smtp.stop();
    await redis.cleanup();
    await db?.drop();
  });

  test(`after ${LIMIT} sign-ins from one address in the window: 429 problem+json with Retry-After`, async () => {
    for (let i = 0; i < LIMIT; i++) expect((await logIn()).status).toBe(401);
    const throttled = await logIn();
    expect(throttled.status).toBe(429);
    expect(throttled.type).toContain('application/problem+json');
    expect(throttled.body).toMatchObject({ status: 429, code: 'too_many_requests', instance: '/auth/login' });
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Without a trusted proxy, a client cannot start a new count by claiming another address.
    const forged = await call('POST', '/auth/login', { body: { email: 'x@example.org', password: 'a guess' }, headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(forged.status).toBe(429);
  });

  test('behind a trusted proxy (TRUST_PROXY_HOPS=1) each forwarded client has its own count', async () => {
    const config = testConfig({ databaseUrl: db.url, redisPrefix: redis.prefix, smtpPort: smtp.port, DATABASE_POOL_SIZE: 2, AUTH_THROTTLE_LIMIT: LIMIT, TRUST_PROXY_HOPS: 1 });
    const proxied = await createHttpApp(ApiModule.forRoot(config) as never, config, 0);
    try {
      const callProxied = caller(() => proxied);
      const from = (client: string) => callProxied('POST', '/auth/login', { body: { email: 'x@example.org', password: 'a guess' }, headers: { 'x-forwarded-for': client } });
      for (let i = 0; i < LIMIT; i++) expect((await from('198.51.100.1')).status).toBe(401);
      expect((await from('198.51.100.1')).status).toBe(429);
      expect((await from('198.51.100.2')).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  test('each route counts on its own, and routes outside sign-in are not throttled', async () => {
    const reset = await call('POST', '/auth/password-reset-requests', { body: { email: 'someone@example.org' } });
    expect(reset.status).toBe(202);
    for (let i = 0; i < LIMIT + 2; i++) expect((await call('GET', '/health/live')).status).toBe(200);
  });

  test('the count lives in Redis under the deployment prefix, and expires', async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys = await client.keys(`${redis.prefix}:throttle:*`);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
  });
});
