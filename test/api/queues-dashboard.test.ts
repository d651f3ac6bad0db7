import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Worker, type Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ACCESS_TOKEN_TTL_SECONDS, LOCKOUT_THRESHOLD } from '#auth';
import { JobQueues, QUEUE_NAMES } from '#queue';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { launchChromium } from '../support/chromium.js';
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
const PUBLIC_ORIGIN = 'https://endorse.example.org';

// The few browser globals the page callbacks use (they run in Chromium; the project has no DOM types).
declare const document: { cookie: string; activeElement: unknown };

interface CallOptions {
  headers?: Record<string, string>;
  form?: Record<string, string>;
  json?: unknown;
  cookie?: string;
}

/** Redirects are not followed: where they point is what the tests check. */
async function call(app: INestApplication, method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = `queue_dashboard_token=${opts.cookie}`;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  const body = opts.form ? new URLSearchParams(opts.form) : opts.json === undefined ? undefined : JSON.stringify(opts.json);
  const res = await fetch(urlOf(app, path), { method, headers, redirect: 'manual', body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, text: await res.text() };
}

/** The Origin header a browser sends with a request from a page of `app` itself. */
const ownOrigin = (app: INestApplication) => ({ origin: new URL(urlOf(app, '/')).origin });

/** An access token from POST /api/v1/auth/login, as a program (or the dashboard cookie) carries it. */
async function accessToken(app: INestApplication, email: string): Promise<string> {
  const res = await fetch(urlOf(app, '/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A job of `queue` that a worker failed (one attempt), for retry, clean and the like. */
async function failedJob(queue: Queue, prefix: string, jobId: string): Promise<string> {
  const job = await queue.add('send-email', { deliveryId: jobId }, { jobId, attempts: 1 });
  const worker = new Worker(
    queue.name,
    async () => {
      throw new Error('smtp refused');
    },
    { connection: { url: TEST_REDIS_URL }, prefix },
  );
  try {
    await new Promise<void>((resolve) => worker.on('failed', (failed) => failed?.id === job.id && resolve()));
  } finally {
    await worker.close();
  }
  expect(await job.getState()).toBe('failed');
  return job.id!;
}

/** What Bull Board's "add job" sends: a renewal step for an endorsement, as in the incident. */
const FORGED_STEP = { name: 'renewal-step', data: { applicationId: '00000000-0000-0000-0000-000000000001', dueOn: '2027-12-31', step: 'open' }, options: {} };

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/** Everything in Redis the dashboard could change: per queue, paused or not, and each state's jobs with their data. */
async function queueState(app: INestApplication): Promise<Record<string, unknown>> {
  const queues = app.get(JobQueues);
  const perQueue = QUEUE_NAMES.map(async (name) => {
    const queue = queues.queue(name);
    const jobs = await Promise.all(
      JOB_STATES.map(async (state) => [state, (await queue.getJobs(state)).map((j) => `${j.id} ${JSON.stringify(j.data)}`).sort()]),
    );
    return [name, { paused: await queue.isPaused(), jobs: Object.fromEntries(jobs) }];
  });
  return Object.fromEntries(await Promise.all(perQueue));
}

/**
 * Every kind of change Bull Board's API offers, on every queue it applies to: `failed` is a failed
 * job of the mail queue, `delayed` a delayed one. `sweeps` is paused beforehand, so resuming shows.
 */
const changes = (failed: string, delayed: string): [string, string, unknown?][] => [
  ['POST', '/admin/queues/api/queues/renewals/add', FORGED_STEP],
  ...QUEUE_NAMES.flatMap((q): [string, string][] => [
    ['PUT', `/admin/queues/api/queues/${q}/pause`],
    ['PUT', `/admin/queues/api/queues/${q}/resume`],
    ['PUT', `/admin/queues/api/queues/${q}/retry/failed`],
    ['PUT', `/admin/queues/api/queues/${q}/clean/failed`],
    ['PUT', `/admin/queues/api/queues/${q}/promote`],
    ['PUT', `/admin/queues/api/queues/${q}/empty`],
  ]),
  ['PUT', '/admin/queues/api/queues/pause'],
  ['PUT', '/admin/queues/api/queues/resume'],
  ['PUT', `/admin/queues/api/queues/mail/${failed}/retry`],
  ['PUT', `/admin/queues/api/queues/mail/${failed}/clean`],
  ['PUT', `/admin/queues/api/queues/mail/${delayed}/promote`],
  ['PATCH', `/admin/queues/api/queues/mail/${delayed}/update-data`, { data: { deliveryId: 'someone else' } }],
  ['PUT', '/admin/queues/api/queues/mail/obliterate', { force: true }],
];

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
    // The public address is a proxy's, not the test's own: both are the dashboard's origin.
    const env = {
      databaseUrl: db.url,
      redisPrefix: redis.prefix,
      smtpPort: smtp.port,
      DATABASE_POOL_SIZE: 2,
      TRUST_PROXY_HOPS: 1,
      AUTH_THROTTLE_LIMIT: 40,
      PUBLIC_BASE_URL: PUBLIC_ORIGIN,
    };
    const config = testConfig({ ...env, QUEUE_DASHBOARD: 'true' });
    jwtSecret = config.auth.jwtSecret;
    enabled = await createApiApp(config, 0);
    disabled = await createApiApp(testConfig({ ...env, QUEUE_DASHBOARD: 'false' }), 0);
    ds = enabled.get(DataSource);
    // Alliance-wide administrators (no association) operate the queues; an association's administrator may not.
    for (const [email, roles, associationCode] of [
      ['admin@example.org', ['administrator'], null],
      ['locked-admin@example.org', ['administrator'], null],
      ['association-admin@example.org', ['administrator'], 'MI-AIMH'],
      ['coordinator@example.org', ['coordinator'], 'MI-AIMH'],
    ] as const) {
      await seedAccount(ds, { email, password: PASSWORD, roles: [...roles], associationCode });
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

    test.each(['/admin/queues/api/queues', '/admin/queues', '/admin/queues/static/favicon-32x32.png'])(
      'a program asking for %s gets 401 problem+json',
      async (path) => {
        const res = await call(enabled, 'GET', path);
        expect(res).toMatchObject({ status: 401, type: expect.stringContaining('application/problem+json') });
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(JSON.parse(res.text)).toMatchObject({ status: 401, code: 'authentication_required', instance: path });
      },
    );

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
    test("a coordinator or an association's administrator is refused with the same page as a wrong password or an unknown address; no cookie, no session", async () => {
      const refusals = [
        await signIn(enabled, 'coordinator@example.org', PASSWORD),
        await signIn(enabled, 'association-admin@example.org', PASSWORD),
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

      const [{ n }] = await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM refresh_tokens r JOIN accounts a ON a.id = r.account_id WHERE a.email IN ('coordinator@example.org', 'association-admin@example.org')`,
      );
      expect(n).toBe(0);

      // A program posting the form gets the api's problem instead of the page.
      const program = await call(enabled, 'POST', '/admin/queues/login', { form: { email: 'coordinator@example.org', password: PASSWORD } });
      expect(program).toMatchObject({ status: 401, type: expect.stringContaining('application/problem+json') });
      expect(JSON.parse(program.text)).toMatchObject({ code: 'invalid_credentials' });
    });

    test('a malformed form is refused (400) the same way, page or problem, and nothing is signed in', async () => {
      for (const form of [
        { email: 'admin@example.org' },
        { email: 'admin@example.org', password: PASSWORD, isAdmin: 'true' },
        { email: 'x'.repeat(300), password: PASSWORD },
      ]) {
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
        expect.arrayContaining([
          expect.stringMatching(/^queue_dashboard_token=[\w-]+\.[\w-]+\.[\w-]+$/),
          `Max-Age=${ACCESS_TOKEN_TTL_SECONDS}`,
          'Path=/admin/queues',
          'HttpOnly',
          'SameSite=Strict',
        ]),
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
      const uiConfig = /<script id="__UI_CONFIG__" type="application\/json">(.*?)<\/script>/.exec(
        (await call(enabled, 'GET', '/admin/queues', { headers: { accept: BROWSER }, cookie })).text,
      )?.[1];
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

    test('an operator can retry a failed job and pause and resume a queue (the dashboard is not read-only)', async () => {
      const queue = enabled.get(JobQueues).queue('mail');
      const id = await failedJob(queue, redis.prefix, 'email-dashboard-test');
      const res = await call(enabled, 'PUT', `/admin/queues/api/queues/mail/${id}/retry`, { headers: ownOrigin(enabled), cookie });
      expect(res.status).toBe(204);
      expect(await queue.getJobState(id)).toBe('waiting');
      await queue.remove(id);

      const effects = enabled.get(JobQueues).queue('effects');
      expect(await call(enabled, 'PUT', '/admin/queues/api/queues/effects/pause', { headers: ownOrigin(enabled), cookie })).toMatchObject({ status: 200 });
      expect(await effects.isPaused()).toBe(true);
      expect(await call(enabled, 'PUT', '/admin/queues/api/queues/effects/resume', { headers: ownOrigin(enabled), cookie })).toMatchObject({ status: 200 });
      expect(await effects.isPaused()).toBe(false);
    });

    test('nobody adds a job or changes its data, however the path is spelt; nothing changes in Redis', async () => {
      const mail = enabled.get(JobQueues).queue('mail');
      const delayed = await mail.add('send-email', { deliveryId: 'dashboard-delayed' }, { jobId: 'email-dashboard-delayed', delay: 3_600_000 });
      const bearer = { authorization: `Bearer ${await accessToken(enabled, 'admin@example.org')}` };
      const before = await queueState(enabled);
      for (const [path, json] of [
        ['/admin/queues/api/queues/renewals/add', FORGED_STEP],
        ['/admin/queues/api/queues/renewals/ADD', FORGED_STEP],
        ['/admin/queues/api/queues/renewals/add/', FORGED_STEP],
        ['/admin/queues/api/queues/mail/add', { name: 'send-email', data: { deliveryId: 'forged' }, options: { jobId: 'email-forged' } }],
      ] as const) {
        for (const auth of [{ headers: ownOrigin(enabled), cookie }, { headers: bearer }]) {
          const res = await call(enabled, 'POST', path, { ...auth, json });
          expect(res.status).toBe(403);
          expect(JSON.parse(res.text)).toMatchObject({
            message: 'Adding jobs or changing their data from the dashboard is turned off: jobs come only from the system itself, which checks them first.',
          });
        }
      }
      const edit = await call(enabled, 'PATCH', `/admin/queues/api/queues/mail/${delayed.id}/update-data`, {
        headers: bearer,
        json: { data: { deliveryId: 'someone else' } },
      });
      expect(edit.status).toBe(403);
      expect(await queueState(enabled)).toEqual(before);
      await delayed.remove();
    });

    test('a program may send the access token from POST /api/v1/auth/login as a Bearer header instead', async () => {
      expect(
        (await call(enabled, 'GET', '/admin/queues/api/queues', { headers: { authorization: `Bearer ${await accessToken(enabled, 'admin@example.org')}` } }))
          .status,
      ).toBe(200);

      const coordinator = await accessToken(enabled, 'coordinator@example.org');
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
      const openSessions = async () =>
        (await ds.query<{ open: number }[]>(`SELECT count(*)::int AS open FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL`, [sid]))[0].open;
      // Another site cannot sign the operator out.
      const forged = await call(enabled, 'POST', '/admin/queues/logout', { headers: { accept: BROWSER, origin: 'https://elsewhere.example' }, cookie });
      expect(forged).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json') });
      expect(JSON.parse(forged.text)).toMatchObject({ code: 'cross_origin_request' });
      expect(forged.headers.get('set-cookie')).toBeNull();
      expect(await openSessions()).toBe(1);

      const res = await call(enabled, 'POST', '/admin/queues/logout', { headers: { accept: BROWSER, ...ownOrigin(enabled) }, cookie });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/queues/login');
      const cleared = res.headers.get('set-cookie')!.split('; ');
      expect(cleared).toEqual(expect.arrayContaining(['queue_dashboard_token=', 'Path=/admin/queues', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']));
      expect(await openSessions()).toBe(0);
      // Without a cookie there is nothing to end; it still answers the same.
      expect((await call(enabled, 'POST', '/admin/queues/logout', { headers: { accept: BROWSER } })).status).toBe(303);
    });
  });

  describe("an association's administrator", () => {
    let token: string;
    let failed: string;
    let delayed: string;

    beforeAll(async () => {
      token = await accessToken(enabled, 'association-admin@example.org');
      const queues = enabled.get(JobQueues);
      failed = await failedJob(queues.queue('mail'), redis.prefix, 'email-association-failed');
      delayed = (await queues.queue('mail').add('send-email', { deliveryId: 'association-delayed' }, { jobId: 'email-association-delayed', delay: 3_600_000 }))
        .id!;
      await queues.queue('sweeps').pause();
    });

    afterAll(async () => {
      const queues = enabled.get(JobQueues);
      await queues.queue('sweeps').resume();
      await Promise.all([failed, delayed].map((id) => queues.queue('mail').remove(id)));
    });

    test("sees nothing: every queue carries other associations' work", async () => {
      for (const path of [
        '/admin/queues/api/queues',
        '/admin/queues/api/queues/mail/metrics',
        `/admin/queues/api/queues/mail/${failed}`,
        '/admin/queues/api/redis/stats',
      ]) {
        const res = await call(enabled, 'GET', path, { headers: { authorization: `Bearer ${token}` } });
        expect(res).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json') });
        expect(JSON.parse(res.text)).toMatchObject({ status: 403, code: 'queue_operators_only' });
      }
      // A browser holding such a token is sent to the sign-in page, which refuses it.
      const browser = await call(enabled, 'GET', '/admin/queues', { headers: { accept: BROWSER }, cookie: token });
      expect(browser.status).toBe(303);
      expect(browser.headers.get('location')).toBe('/admin/queues/login');
    });

    test('cannot add, pause, resume, retry, clean, promote, empty, edit or delete on any queue: 403, and Redis is unchanged', async () => {
      const before = await queueState(enabled);
      for (const [method, path, json] of changes(failed, delayed)) {
        // From the dashboard's own origin with the cookie, and as a program: refused for who asks, not how.
        for (const auth of [{ headers: ownOrigin(enabled), cookie: token }, { headers: { authorization: `Bearer ${token}` } }]) {
          const res = await call(enabled, method, path, { ...auth, json });
          expect({ method, path, status: res.status, type: res.type }).toEqual({
            method,
            path,
            status: 403,
            type: expect.stringContaining('application/problem+json'),
          });
          expect(JSON.parse(res.text)).toMatchObject({ code: 'queue_operators_only' });
        }
      }
      expect(await queueState(enabled)).toEqual(before);
      expect(before).toMatchObject({
        sweeps: { paused: true },
        mail: { jobs: { failed: [`${failed} {"deliveryId":"email-association-failed"}`], delayed: [`${delayed} {"deliveryId":"association-delayed"}`] } },
      });
    });
  });

  describe('a change sent with the cookie from somewhere else (cross-site request forgery)', () => {
    let cookie: string;
    const effects = () => enabled.get(JobQueues).queue('effects');
    const pause = (headers: Record<string, string>, auth: { cookie?: string } = { cookie }) =>
      call(enabled, 'PUT', '/admin/queues/api/queues/effects/pause', { headers, ...auth });

    beforeAll(async () => {
      cookie = cookieValue((await signIn(enabled, 'admin@example.org', PASSWORD)).headers.get('set-cookie')!);
    });

    afterAll(() => effects().resume());

    test('is refused without a Sec-Fetch-Site, Origin or Referer of the dashboard itself; the queue is not paused', async () => {
      const { port } = new URL(urlOf(enabled, '/'));
      const sibling = `http://127.0.0.1:${Number(port) + 1}`; // same site, other origin: SameSite=Strict still sends the cookie
      for (const headers of [
        {},
        { origin: 'https://elsewhere.example' },
        { origin: sibling },
        { origin: 'null' },
        { referer: 'https://elsewhere.example/page' },
        { origin: `${PUBLIC_ORIGIN}.elsewhere.example` },
        { 'sec-fetch-site': 'same-site', origin: sibling },
        { 'sec-fetch-site': 'cross-site' },
      ] as Record<string, string>[]) {
        const res = await pause(headers);
        expect({ headers, status: res.status, type: res.type }).toEqual({ headers, status: 403, type: expect.stringContaining('application/problem+json') });
        expect(JSON.parse(res.text)).toMatchObject({ code: 'cross_origin_request' });
      }
      // A browser's form post is refused the same way (no detour to the sign-in page).
      const form = await call(enabled, 'POST', '/admin/queues/api/queues/renewals/add', {
        headers: { accept: BROWSER, origin: sibling },
        cookie,
        form: { name: 'renewal-step' },
      });
      expect(form).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json') });
      expect(await effects().isPaused()).toBe(false);
    });

    test("is accepted from the dashboard's own origin, its public address, a same-origin Referer or Sec-Fetch-Site; reading needs none", async () => {
      // The last: a form of our own pages, which send no Referer, so their Origin is "null".
      for (const headers of [
        ownOrigin(enabled),
        { origin: PUBLIC_ORIGIN },
        { referer: urlOf(enabled, '/admin/queues/queue/effects') },
        { 'sec-fetch-site': 'same-origin', origin: 'null' },
      ] as Record<string, string>[]) {
        expect((await pause(headers)).status).toBe(200);
        expect(await effects().isPaused()).toBe(true);
        await effects().resume();
      }
      expect((await call(enabled, 'GET', '/admin/queues/api/queues', { cookie })).status).toBe(200);
    });

    test('a program with a Bearer header needs no Origin: a browser never sends that header by itself', async () => {
      const res = await pause({ authorization: `Bearer ${await accessToken(enabled, 'admin@example.org')}` }, {});
      expect(res.status).toBe(200);
      expect(await effects().isPaused()).toBe(true);
    });
  });

  test('in a real browser, without JavaScript of ours: an operator signs in, sees the queues, and signs out', async () => {
    // Fail, never skip: a missing browser must not pass for a tested page.
    const browser = await launchChromium('the queue dashboard test');
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
      for (const name of QUEUE_NAMES)
        await page
          .getByRole('link', { name: new RegExp(`^${name}`) })
          .first()
          .waitFor();
      expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly: no script reads the token
      problems.length = 0; // Bull Board's page is its own (it reaches for an outside font)

      // The dashboard's own requests carry its origin, so changes from its page go through.
      const effects = enabled.get(JobQueues).queue('effects');
      expect(await page.evaluate(async () => (await fetch('api/queues/effects/pause', { method: 'PUT' })).status)).toBe(200);
      expect(await effects.isPaused()).toBe(true);
      expect(await page.evaluate(async () => (await fetch('api/queues/effects/resume', { method: 'PUT' })).status)).toBe(200);
      expect(await effects.isPaused()).toBe(false);

      // A page of another origin on the same site (another port): SameSite=Strict lets the cookie go
      // with its form, the origin check refuses it, and the operator stays signed in.
      const sibling = urlOf(disabled, '/a-page-elsewhere');
      await page.route(sibling, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<form method="post" action="${urlOf(enabled, '/admin/queues/logout')}"><button>Go</button></form>` }),
      );
      await page.goto(sibling);
      const [forged] = await Promise.all([page.waitForResponse(urlOf(enabled, '/admin/queues/logout')), page.getByRole('button', { name: 'Go' }).click()]);
      expect(forged.status()).toBe(403);
      expect(await forged.json()).toMatchObject({ code: 'cross_origin_request' });
      await page.goto(urlOf(enabled, '/admin/queues'));
      expect(path()).toBe('/admin/queues');
      problems.length = 0;

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
