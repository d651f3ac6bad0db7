import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AccessTokens } from '#auth';
import { RedisClient } from '#queue';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { testConfig } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix, TEST_REDIS_URL } from '../support/test-redis.js';
import { caller, urlOf, type Reply } from './auth-harness.js';

const LIMIT = 3;

describe("throttling: sign-in routes, open pages and each account's writes", () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  const smtp = new SmtpSink();
  let api: INestApplication;
  const call = caller(() => api);
  const logIn = () => call('POST', '/api/v1/auth/login', { body: { email: 'someone@example.org', password: 'a guess at the password' } });
  const env = () => ({
    databaseUrl: db.url,
    redisPrefix: redis.prefix,
    smtpPort: smtp.port,
    DATABASE_POOL_SIZE: 2,
    AUTH_THROTTLE_LIMIT: LIMIT,
    AUTH_THROTTLE_TTL_MS: 60_000,
    PUBLIC_THROTTLE_LIMIT: LIMIT,
    PUBLIC_THROTTLE_TTL_MS: 60_000,
    WRITE_THROTTLE_LIMIT: LIMIT,
    WRITE_THROTTLE_TTL_MS: 60_000,
  });
  /** An access token as sign-in would issue it, without spending the sign-in throttle. */
  const tokenFor = (accountId: string) =>
    api.get(AccessTokens).sign({ id: accountId, personId: randomUUID(), roles: ['applicant'], associationCode: 'MI-AIMH' }, randomUUID());
  const expectThrottled = (reply: Reply, instance: string) => {
    expect(reply.status).toBe(429);
    expect(reply.type).toContain('application/problem+json');
    expect(reply.body).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      instance,
      detail: expect.stringMatching(/^Please wait \d+ seconds? before trying again\.$/),
    });
    const retryAfter = Number(reply.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await smtp.start();
    const config = testConfig(env());
    api = await createApiApp(config, 0);
  });

  afterAll(async () => {
    await api?.close();
    await smtp.stop();
    await redis.cleanup();
    await db?.drop();
  });

  test(`auth: after ${LIMIT} sign-ins from one address in the window, 429 problem+json with Retry-After`, async () => {
    for (let i = 0; i < LIMIT; i++) expect((await logIn()).status).toBe(401);
    expectThrottled(await logIn(), '/api/v1/auth/login');
    // Without a trusted proxy, a client cannot start a new count by claiming another address.
    const forged = await call('POST', '/api/v1/auth/login', {
      body: { email: 'x@example.org', password: 'a guess' },
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(forged.status).toBe(429);
  });

  test('auth: behind a trusted proxy (TRUST_PROXY_HOPS=1) each forwarded client has its own count', async () => {
    const config = testConfig({ ...env(), TRUST_PROXY_HOPS: 1 });
    const proxied = await createApiApp(config, 0);
    try {
      const callProxied = caller(() => proxied);
      const from = (client: string) =>
        callProxied('POST', '/api/v1/auth/login', { body: { email: 'x@example.org', password: 'a guess' }, headers: { 'x-forwarded-for': client } });
      for (let i = 0; i < LIMIT; i++) expect((await from('198.51.100.1')).status).toBe(401);
      expect((await from('198.51.100.1')).status).toBe(429);
      expect((await from('198.51.100.2')).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  test('auth: each route counts on its own, and health is not throttled', async () => {
    const reset = await call('POST', '/api/v1/auth/password-reset-requests', { body: { email: 'someone@example.org' } });
    expect(reset.status).toBe(202);
    for (let i = 0; i < LIMIT + 2; i++) expect((await call('GET', '/health/live')).status).toBe(200);
  });

  test('auth: password changes are guesses at the current password, counted per address like sign-in', async () => {
    // A new account each time, so that only the address's count, not an account's writes, can refuse.
    const change = async () =>
      call('POST', '/api/v1/auth/password-changes', {
        token: await tokenFor(randomUUID()),
        body: { currentPassword: 'a guess', newPassword: 'a long enough new passphrase' },
      });
    for (let i = 0; i < LIMIT; i++) expect((await change()).body.code).toBe('wrong_password');
    expectThrottled(await change(), '/api/v1/auth/password-changes');
  });

  test('public: registry search from one address, then 429 problem+json with Retry-After', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await call('GET', '/api/v1/registry?association=MI-AIMH')).status).toBe(200);
    expectThrottled(await call('GET', '/api/v1/registry?association=MI-AIMH'), '/api/v1/registry');
  });

  test('public: a throttled rater gets a plain HTML page with 429 and Retry-After, not JSON', async () => {
    const open = () => fetch(urlOf(api, `/r/${'x'.repeat(43)}`));
    for (let i = 0; i < LIMIT; i++) expect((await open()).status).toBe(404); // no such link: still a request counted
    const throttled = await open();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await throttled.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Please wait a moment');
    expect(html).toMatch(/pausing them for \d+ seconds?\./);
    // Sending the form is a route of its own, counted on its own.
    const send = await fetch(urlOf(api, `/r/${'x'.repeat(43)}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'comments=hello',
    });
    expect(send.status).not.toBe(429);
  });

  test('public: the endorsement check counts every number asked for, known or not (no enumeration at full speed), as JSON and as a page', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await call('GET', `/api/v1/verifications/MI-${String(i).padStart(6, '0')}`)).status).toBe(404);
    expectThrottled(await call('GET', '/api/v1/verifications/MI-000099'), '/api/v1/verifications/MI-000099');
    for (let i = 0; i < LIMIT; i++) expect((await fetch(urlOf(api, `/verify/MI-${String(i).padStart(6, '0')}`))).status).toBe(404);
    const page = await fetch(urlOf(api, '/verify/MI-000099'));
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await page.text()).toContain('Please wait a moment');
  });

  test('writes: per account, across routes; reads and other accounts are not held back', async () => {
    const ada = await tokenFor(randomUUID());
    const bea = await tokenFor(randomUUID());
    const listing = () => `/api/v1/registry/listing/${randomUUID()}`;
    // Each change counts whatever its outcome (here: no such application); two routes share the count.
    for (let i = 0; i < LIMIT - 1; i++) expect((await call('PUT', listing(), { token: ada, body: { listed: true } })).status).toBe(404);
    expect((await call('POST', '/api/v1/applications', { token: ada, body: {} })).status).toBe(400);
    const path = listing();
    expectThrottled(await call('PUT', path, { token: ada, body: { listed: true } }), path);
    expect((await call('GET', '/api/v1/auth/me', { token: ada })).status).not.toBe(429);
    expect((await call('PUT', listing(), { token: bea, body: { listed: true } })).status).toBe(404);
    // A request that fails sign-in never reaches the count.
    expect((await call('PUT', listing(), { token: 'not-a-token', body: { listed: true } })).status).toBe(401);
  });

  test('the counts live in Redis under the deployment prefix, and expire', async () => {
    const client = new Redis(TEST_REDIS_URL);
    try {
      const keys = await client.keys(`${redis.prefix}:throttle:*`);
      expect(keys.length).toBeGreaterThanOrEqual(4);
      for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
  });

  test('with Redis away, requests are let through rather than refused', async () => {
    const config = testConfig(env());
    const cut = await createApiApp(config, 0);
    try {
      cut.get(RedisClient).disconnect();
      const callCut = caller(() => cut);
      for (let i = 0; i < LIMIT + 2; i++) {
        expect((await callCut('POST', '/api/v1/auth/login', { body: { email: 'x@example.org', password: 'a guess' } })).status).toBe(401);
      }
      for (let i = 0; i < LIMIT + 2; i++) expect((await callCut('GET', '/api/v1/registry?association=MI-AIMH')).status).toBe(200);
    } finally {
      await cut.close();
    }
  });
});
