import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Worker } from 'bullmq';
import { chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ACCESS_TOKEN_TTL_SECONDS, LOCKOUT_THRESHOLD } from '#auth';
import { createHttpApp } from '#platform';
import { JobQueues, QUEUE_NAMES } from '#queue';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix, TEST_REDIS_URL } from '../support/test-redis.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { testConfig } from '../support/test-config.js';
import { claimsOf, seedAccount, signJwt, tamper, urlOf } from './auth-harness.js';

interface Reply {
  status: number;
  type: string;
  headers: Headers;
  text: string;
}

// What a browser sends when it navigates (programs send */* or a JSON type).
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const PASSWORD = 'a long enough passphrase 42';
const NEUTRAL_REFUSAL = 'The email address or password is not correct, or this account may not open the queue dashboard.';

// Debian's Chromium, driven by playwright-core, as in the rater form's browser test.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The few browser globals the page callbacks use (they run in Chromium; the project has no DOM types).
declare const document: { cookie: string; activeElement: unknown };

/** Redirects are not followed: where they point is what the tests check. */
async function call(app: INestApplication, method: string, path: string, opts: { headers?: Record<string, string>; form?: Record<string, string>; cookie?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = `queue_dashboard_token=${opts.cookie}`;
  const res = await fetch(urlOf(app, path), { method, headers, redirect: 'manual', body: opts.form ? new URLSearchParams(opts.form) : undefined });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, text: await res.text() };
}

/** The sign-in form as a browser posts it (urlencoded). */
const signIn = (app: INestApplication, email: string, password: string, headers: Record<string, string> = {}) =>
  call(app, 'POST', '/admin/queues/login', { headers: { accept: BROWSER, ...headers }, form: { email, password } });

/** The token the dashboard cookie carries, from a Set-Cookie header. */
const cookieValue = (setCookie: string): string => /^queue_dashboard_token=([^;]*)/.exec(setCookie)![1];

describe('queue dashboard', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  const smtp = new SmtpSink();
  let enabled: INestApplication;
  let disabled: INestApplication;
  let ds: DataSource;
  let jwtSecret: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await smtp.start();
    // One proxy trusted, to show that Secure follows X-Forwarded-Proto; throttle high enough for this file's sign-ins.
    const env = { databaseUrl: db.url, redisPrefix: redis.prefix, smtpPort: smtp.port, DATABASE_POOL_SIZE: 2, TRUST_PROXY_HOPS: 1, AUTH_THROTTLE_LIMIT: 30 };
    const config = testConfig({ ...env, QUEUE_DASHBOARD: 'true' });
    jwtSecret = config.auth.jwtSecret;
    enabled = await createHttpApp(ApiModule.forRoot(config) as never, config, 0);
    disabled = await createHttpApp(ApiModule.forRoot(testConfig({ ...env, QUEUE_DASHBOARD: 'false' })) as never, testConfig(env), 0);
    ds = enabled.get(DataSource);
    for (const [email, roles] of [
      ['admin@example.org', ['administrator']],
      ['locked-admin@example.org', ['administrator']],
      ['coordinator@example.org', ['coordinator']],
    ] as const) {
      await seedAccount(ds, { email, password: PASSWORD, roles: [...roles], associationCode: roles[0] === 'administrator' ? null : 'MI-AIMH' });
    }
  });

  afterAll(async () => {
    await enabled?.close();
    await disabled?.close();
    await smtp.stop();
    await redis.cleanup();
    await db.drop();
  });

  describe('disabled (the default)', () => {
    test.each(['/admin/queues', '/admin/queues/api/queues', '/admin/queues/login'])('%s is 404 problem+json', async (path) => {
      const res = await call(disabled, 'GET', path, { headers: { accept: BROWSER } });
      expect(res).toMatchObject({ status: 404, type: expect.stringContaining('application/problem+json') });
      expect(JSON.parse(res.text)).toMatchObject({ status: 404, code: 'not_found' });
    });
  });

  describe('without signing in', () => {
    test.each(['/admin/queues', '/admin/queues/', '/admin/queues/queue/mail'])('a browser opening %s is sent to the sign-in page', async (path) => {
      const res = await call(enabled, 'GET', path, { headers: { accept: BROWSER } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/queues/login');
      expect(res.text).not.toContain('<base href');
    });

    test.each(['/admin/queues/api/queues', '/admin/queues', '/admin/queues/static/favicon-32x32.png'])('a program asking for %s gets 401 problem+json', async (path) => {
      const res = await call(enabled, 'GET', path);
      expect(res).toMatchObject({ status: 401, type: expect.stringContaining('application/problem+json') });
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(JSON.parse(res.text)).toMatchObject({ status: 401, code: 'authentication_required', instance: path });
    });

    test('the sign-in page is a plain, accessible form with a strict CSP and no script', async () => {
      const res = await call(enabled, 'GET', '/admin/queues/login', { headers: { accept: BROWSER } });
      expect(res).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; .*form-action 'self'; frame-ancestors 'none'/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain('<form method="post" action="/admin/queues/login"');
      expect(res.text).toContain('<label class="block" for="email">Email address</label>');
      expect(res.text).toMatch(/<input class="text" type="email" id="email" name="email"[^>]* autocomplete="username"/);
      expect(res.text).toContain('<label class="block" for="password">Password</label>');
      expect(res.text).toMatch(/<input class="text" type="password" id="password" name="password" autocomplete="current-password"/);
      expect(res.text).not.toContain('<script');
      expect(res.text).not.toContain('role="alert"');
    });
  });

  describe('signing in', () => {
    test('a coordinator is refused with the same page as a wrong password or an unknown address; no cookie, no session', async () => {
      const refusals = [
        await signIn(enabled, 'coordinator@example.org', PASSWORD),
        await signIn(enabled, 'admin@example.org', 'not the password at all'),
        await signIn(enabled, 'nobody@example.org', PASSWORD),
      ];
      for (const res of refusals) {
        expect(res).toMatchObject({ status: 401, type: 'text/html; charset=utf-8' });
        expect(res.headers.get('set-cookie')).toBeNull();
        expect(res.text).toContain(NEUTRAL_REFUSAL);
      }
      // Identical but for the address kept in the field.
      const withoutAddress = (res: Reply) => res.text.replace(/ value="[^"]*"/, '');
      expect(new Set(refusals.map(withoutAddress)).size).toBe(1);
      expect(refusals[0].text).toContain('value="coordinator@example.org"');

      const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM refresh_tokens r JOIN accounts a ON a.id = r.account_id WHERE a.email = 'coordinator@example.org'`)) as { n: number }[];
      expect(n).toBe(0);

      // A program posting the form gets the api's problem instead of the page.
      const program = await call(enabled, 'POST', '/admin/queues/login', { form: { email: 'coordinator@example.org', password: PASSWORD } });
      expect(program).toMatchObject({ status: 401, type: expect.stringContaining('application/problem+json') });
      expect(JSON.parse(program.text)).toMatchObject({ code: 'invalid_credentials' });
    });

    test('a malformed form is refused (400) the same way, page or problem, and nothing is signed in', async () => {
      for (const form of [{ email: 'admin@example.org' }, { email: 'admin@example.org', password: PASSWORD, isAdmin: 'true' }, { email: 'x'.repeat(300), password: PASSWORD }]) {
        const page = await call(enabled, 'POST', '/admin/queues/login', { headers: { accept: BROWSER }, form: form as Record<string, string> });
        expect(page).toMatchObject({ status: 400, type: 'text/html; charset=utf-8' });
        expect(page.text).toContain(NEUTRAL_REFUSAL);
        expect(page.headers.get('set-cookie')).toBeNull();
        const program = await call(enabled, 'POST', '/admin/queues/login', { form: form as Record<string, string> });
        expect(program).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
        expect(JSON.parse(program.text)).toMatchObject({ code: 'validation_failed' });
      }
    });

    test('an administrator gets the cookie (HttpOnly, SameSite=Strict, scoped to the dashboard, for the token lifetime) and is sent to the dashboard', async () => {
      const res = await signIn(enabled, 'ADMIN@example.org', PASSWORD);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/queues');
      const setCookie = res.headers.get('set-cookie')!;
      expect(setCookie.split('; ')).toEqual(
        expect.arrayContaining([expect.stringMatching(/^queue_dashboard_token=[\w-]+\.[\w-]+\.[\w-]+$/), `Max-Age=${ACCESS_TOKEN_TTL_SECONDS}`, 'Path=/admin/queues', 'HttpOnly', 'SameSite=Strict']),
      );
      // Over plain http the cookie cannot be Secure, or the browser would drop it.
      expect(setCookie).not.toMatch(/Secure/i);
      // No token in the URL.
      expect(res.headers.get('location')).not.toContain(cookieValue(setCookie));
    });

    test('the cookie is Secure when the request came over https through the trusted proxy', async () => {
      const res = await signIn(enabled, 'admin@example.org', PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')!.split('; ')).toContain('Secure');
    });

    test(`the lockout applies: after ${LOCKOUT_THRESHOLD} wrong passwords even the right one is refused`, async () => {
      for (let i = 0; i < LOCKOUT_THRESHOLD; i++) expect((await signIn(enabled, 'locked-admin@example.org', `wrong password ${i}`)).status).toBe(401);
      const res = await signIn(enabled, 'locked-admin@example.org', PASSWORD);
      expect(res.status).toBe(401);
      expect(res.text).toContain(NEUTRAL_REFUSAL);
      expect(res.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('signed in as an administrator', () => {
    let cookie: string;

    beforeAll(async () => {
      cookie = cookieValue((await signIn(enabled, 'admin@example.org', PASSWORD)).headers.get('set-cookie')!);
    });

    test('the dashboard page and its assets answer', async () => {
      for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/queue/mail']) {
        const res = await call(enabled, 'GET', path, { headers: { accept: BROWSER }, cookie });
        expect(res).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
        // The page loads its assets relative to the mount point.
        expect(res.text).toContain('<base href="/admin/queues/"');
      }
      // Its menu links to the sign-out page.
      const uiConfig = /<script id="__UI_CONFIG__" type="application\/json">(.*?)<\/script>/.exec((await call(enabled, 'GET', '/admin/queues', { headers: { accept: BROWSER }, cookie })).text)?.[1];
      expect(JSON.parse(uiConfig!)).toMatchObject({ miscLinks: [{ text: 'Sign out', url: '/admin/queues/logout' }] });
      const page = await call(enabled, 'GET', '/admin/queues', { headers: { accept: BROWSER }, cookie });
      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
      expect(script).toBeDefined();
      expect(await call(enabled, 'GET', `/admin/queues/${script}`, { cookie })).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
    });

    test('its API lists every queue of the registry', async () => {
      const res = await call(enabled, 'GET', '/admin/queues/api/queues', { headers: { accept: 'application/json' }, cookie });
      expect(res.status).toBe(200);
      const names = (JSON.parse(res.text) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
      expect(names).toEqual([...QUEUE_NAMES].sort());
    });

    test('an operator can retry a failed job (the dashboard is not read-only)', async () => {
      const queue = enabled.get(JobQueues).queue('mail');
      const job = await queue.add('send-email', { deliveryId: 'dashboard-test' }, { jobId: 'email-dashboard-test', attempts: 1 });
      const worker = new Worker(
        'mail',
        async () => {
          throw new Error('smtp refused');
        },
        { connection: { url: TEST_REDIS_URL }, prefix: redis.prefix },
      );
      try {
        await new Promise<void>((resolve) => worker.on('failed', () => resolve()));
      } finally {
        await worker.close();
      }
      expect(await job.getState()).toBe('failed');

      const res = await call(enabled, 'PUT', `/admin/queues/api/queues/mail/${job.id}/retry`, { cookie });
      expect(res.status).toBe(204);
      expect(await queue.getJobState(job.id!)).toBe('waiting');
      await queue.remove(job.id!);
    });

    test('a program may send the access token from POST /auth/login as a Bearer header instead', async () => {
      const login = async (email: string) => {
        const res = await fetch(urlOf(enabled, '/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
        return ((await res.json()) as { accessToken: string }).accessToken;
      };
      expect((await call(enabled, 'GET', '/admin/queues/api/queues', { headers: { authorization: `Bearer ${await login('admin@example.org')}` } })).status).toBe(200);

      const coordinator = await login('coordinator@example.org');
      const refused = await call(enabled, 'GET', '/admin/queues/api/queues', { headers: { authorization: `Bearer ${coordinator}` } });
      expect(refused).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json') });
      expect(JSON.parse(refused.text)).toMatchObject({ status: 403, code: 'forbidden' });
      const browser = await call(enabled, 'GET', '/admin/queues', { headers: { authorization: `Bearer ${coordinator}`, accept: BROWSER } });
      expect(browser.status).toBe(303);
      // A header that is there but not a Bearer token is refused, even beside a good cookie.
      const malformed = await call(enabled, 'GET', '/admin/queues/api/queues', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, cookie });
      expect(malformed.status).toBe(401);
      expect(malformed.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    });

    test('a tampered, expired or forged cookie is refused', async () => {
      const claims = claimsOf(cookie);
      const now = Math.floor(Date.now() / 1000);
      const cases = [
        { cookie: tamper(cookie), code: 'invalid_token' },
        { cookie: signJwt({ ...claims, iat: now - 2 * ACCESS_TOKEN_TTL_SECONDS, exp: now - ACCESS_TOKEN_TTL_SECONDS }, jwtSecret), code: 'token_expired' },
        { cookie: signJwt(claims, 'another secret that is long enough to sign'), code: 'invalid_token' },
        { cookie: 'not-a-token', code: 'invalid_token' },
      ];
      for (const c of cases) {
        const program = await call(enabled, 'GET', '/admin/queues/api/queues', { cookie: c.cookie });
        expect(program).toMatchObject({ status: 401, type: expect.stringContaining('application/problem+json') });
        expect(program.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        expect(JSON.parse(program.text)).toMatchObject({ code: c.code });
        const browser = await call(enabled, 'GET', '/admin/queues', { headers: { accept: BROWSER }, cookie: c.cookie });
        expect(browser.status).toBe(303);
        expect(browser.headers.get('location')).toBe('/admin/queues/login');
      }
    });

    test('signing out clears the cookie and ends the session', async () => {
      const page = await call(enabled, 'GET', '/admin/queues/logout', { headers: { accept: BROWSER }, cookie });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<form method="post" action="/admin/queues/logout">');

      const { sid } = claimsOf(cookie) as { sid: string };
      const res = await call(enabled, 'POST', '/admin/queues/logout', { headers: { accept: BROWSER }, cookie });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/queues/login');
      const cleared = res.headers.get('set-cookie')!.split('; ');
      expect(cleared).toEqual(expect.arrayContaining(['queue_dashboard_token=', 'Path=/admin/queues', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']));
      const [{ open }] = (await ds.query(`SELECT count(*)::int AS open FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL`, [sid])) as { open: number }[];
      expect(open).toBe(0);
      // Without a cookie there is nothing to end; it still answers the same.
      expect((await call(enabled, 'POST', '/admin/queues/logout', { headers: { accept: BROWSER } })).status).toBe(303);
    });
  });

  test('in a real browser, without JavaScript of ours: an operator signs in, sees the queues, and signs out', async () => {
    // Fail, never skip: a missing browser must not pass for a tested page.
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium) to run this test`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      // A blocked stylesheet (CSP), a failed request or a script error would show up here.
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      const path = () => new URL(page.url()).pathname;

      await page.goto(urlOf(enabled, '/admin/queues'));
      expect(path()).toBe('/admin/queues/login');
      expect(await page.title()).toBe('Sign in – queue dashboard');

      await page.getByLabel('Email address').fill('admin@example.org');
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect(await page.getByRole('alert').textContent()).toContain(NEUTRAL_REFUSAL);
      // The summary takes the focus, so a screen reader says why at once; the address is kept.
      expect(await page.getByRole('alert').evaluate((e) => e === document.activeElement)).toBe(true);
      expect(await page.getByLabel('Email address').inputValue()).toBe('admin@example.org');
      // Our pages load cleanly; the one "error" is the refusal's own 401.
      expect(problems).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);

      await page.getByLabel('Password').fill(PASSWORD);
      await Promise.all([page.waitForURL((url) => url.pathname === '/admin/queues'), page.getByRole('button', { name: 'Sign in' }).click()]);
      // Bull Board's own page, which lists the queues through its API with the cookie.
      for (const name of QUEUE_NAMES) await page.getByRole('link', { name: new RegExp(`^${name}`) }).first().waitFor();
      expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly: no script reads the token
      problems.length = 0; // Bull Board's page is its own (it reaches for an outside font)

      await page.goto(urlOf(enabled, '/admin/queues/logout'));
      await Promise.all([page.waitForURL((url) => url.pathname === '/admin/queues/login'), page.getByRole('button', { name: 'Sign out' }).click()]);
      await page.goto(urlOf(enabled, '/admin/queues'));
      expect(path()).toBe('/admin/queues/login');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('sign-in attempts are throttled per client; a browser gets the form again with how long to wait', async () => {
    let res: Reply;
    do res = await signIn(enabled, 'nobody@example.org', 'guessing');
    while (res.status === 401);
    expect(res.status).toBe(429);
    expect(res.type).toBe('text/html; charset=utf-8');
    const wait = Number(res.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(res.text).toContain(`Please wait ${wait} seconds, then try again.`);
  });
});
