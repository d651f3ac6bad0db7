import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createHttpApp } from '#platform';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { testConfig } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix } from '../support/test-redis.js';
import { seedAccount, urlOf } from './auth-harness.js';

// Debian's Chromium, driven by playwright-core (which downloads no browser of its own).
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'correct horse battery staple';

// The browser globals the page callbacks use (they run in Chromium; the project has no DOM types).
interface WebStorage {
  readonly length: number;
}
declare const document: { cookie: string };
declare const localStorage: WebStorage;
declare const sessionStorage: WebStorage;

/** What a page's script sees of one call: status and JSON body. */
type Seen = { status: number; body: Record<string, unknown> };

describe('a browser session in a real browser: nothing of it where scripts can read it', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  const smtp = new SmtpSink();
  let api: INestApplication;
  let browser: Browser;
  let page: Page;

  /** A fetch the page itself makes, as the web app will: same origin, the session header, JSON. */
  const pageFetch = (path: string, init: { body?: unknown; token?: string } = {}): Promise<Seen> =>
    page.evaluate(
      async ({ path, body, token }) => {
        const headers: Record<string, string> = { 'x-session': 'cookie', 'content-type': 'application/json' };
        if (token) headers.authorization = `Bearer ${token}`;
        const res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
        const text = await res.text();
        return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      },
      { path, body: init.body, token: init.token },
    );

  beforeAll(async () => {
    // Fail, never skip: a missing browser must not pass for a tested session.
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium) to run the browser session test`);
    db = await createTestDatabase();
    await smtp.start();
    const config = testConfig({ databaseUrl: db.url, redisPrefix: redis.prefix, smtpPort: smtp.port, DATABASE_POOL_SIZE: 2, AUTH_THROTTLE_LIMIT: 1000 });
    api = await createHttpApp(ApiModule.forRoot(config) as never, config, 0);
    await seedAccount(api.get(DataSource), { email: 'ada@example.org', password: PASSWORD, roles: ['applicant'], associationCode: 'MI-AIMH' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    // Any page of the api's origin will do: the web app will be served from it the same way.
    expect((await page.goto(urlOf(api, '/health/live')))?.status()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await smtp.stop();
    await redis.cleanup();
    await db?.drop();
  });

  test('sign in, refresh and sign out with fetch: the refresh token only ever in the HttpOnly cookie', async () => {
    const login = await pageFetch('/auth/login', { body: { email: 'ada@example.org', password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);

    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'refresh_token', path: '/auth/refresh', httpOnly: true, sameSite: 'Strict', secure: false });
    expect(await page.evaluate(() => document.cookie)).not.toContain('refresh_token');

    // The browser sends the cookie by itself; the page never saw it.
    const refresh = await pageFetch('/auth/refresh');
    expect(refresh.status).toBe(200);
    expect(Object.keys(refresh.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    const [rotated] = await page.context().cookies();
    expect(rotated.value).not.toBe(cookie.value);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);

    const logout = await pageFetch('/auth/logout', { token: refresh.body.accessToken as string });
    expect(logout.status).toBe(204);
    expect(await page.context().cookies()).toEqual([]);
    expect((await pageFetch('/auth/refresh')).body.code).toBe('invalid_refresh_token');
  });
});
