import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { TestSystem } from '../support/test-system.js';
import { seedAccount } from './auth-harness.js';

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
  const system = new TestSystem();
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
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    await seedAccount(system.ds, { email: 'ada@example.org', password: PASSWORD, roles: ['applicant'], associationCode: 'MI-AIMH' });
    // Fail, never skip: a missing browser must not pass for a tested session.
    browser = await launchChromium('the browser session test');
    page = await browser.newPage();
    // Any page of the api's origin will do: the web app will be served from it the same way.
    expect((await page.goto(system.url('/health/live')))?.status()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await system.stop();
  });

  test('sign in, refresh and sign out with fetch: the refresh token only ever in the HttpOnly cookie', async () => {
    const login = await pageFetch('/api/v1/auth/login', { body: { email: 'ada@example.org', password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);

    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'refresh_token', path: '/api/v1/auth/refresh', httpOnly: true, sameSite: 'Strict', secure: false });
    expect(await page.evaluate(() => document.cookie)).not.toContain('refresh_token');

    // The browser sends the cookie by itself; the page never saw it.
    const refresh = await pageFetch('/api/v1/auth/refresh');
    expect(refresh.status).toBe(200);
    expect(Object.keys(refresh.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    const [rotated] = await page.context().cookies();
    expect(rotated.value).not.toBe(cookie.value);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);

    const logout = await pageFetch('/api/v1/auth/logout', { token: refresh.body.accessToken as string });
    expect(logout.status).toBe(204);
    expect(await page.context().cookies()).toEqual([]);
    expect((await pageFetch('/api/v1/auth/refresh')).body.code).toBe('invalid_refresh_token');
  });
});
