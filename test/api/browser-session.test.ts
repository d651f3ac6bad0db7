import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_MS } from '#auth';
import { TestSystem } from '../support/test-system.js';
import { caller, seedAccount, type Reply } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const PUBLIC_ORIGIN = 'https://endorse.example.org';
const REFRESH_COOKIE = /^refresh_token=([A-Za-z0-9_-]{43});/;

describe('browser sessions: the refresh token in an HttpOnly cookie, refused from other sites', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const thisSite = () => new URL(system.url('/')).origin;
  /** Headers a page of this site sends with fetch: its Origin and the session header. */
  const ownPage = () => ({ origin: thisSite(), 'x-session': 'cookie' });
  const setCookie = (res: Reply) => res.headers.getSetCookie();
  const cookieOf = (res: Reply): string => REFRESH_COOKIE.exec(setCookie(res)[0])![1];
  /** Every refresh token row, to show a refused request changed nothing. */
  const sessionRows = async () =>
    JSON.stringify(await system.ds.query(`SELECT id, family_id, token_hash, rotated_at, revoked_at FROM refresh_tokens ORDER BY id`));

  async function browserLogIn(email: string, headers: Record<string, string> = ownPage()): Promise<Reply> {
    return call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD }, headers });
  }
  async function browserRefresh(cookie: string | undefined, headers: Record<string, string> = ownPage()): Promise<Reply> {
    return call('POST', '/api/v1/auth/refresh', { body: {}, headers: { ...headers, ...(cookie ? { cookie: `theme=dark; refresh_token=${cookie}` } : {}) } });
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000, TRUST_PROXY_HOPS: 1, PUBLIC_BASE_URL: PUBLIC_ORIGIN } });
    for (const name of ['ada', 'bo', 'cy', 'dee', 'eve', 'fay']) {
      await seedAccount(system.ds, { email: `${name}@example.org`, password: PASSWORD, roles: ['applicant'], associationCode: 'MI-AIMH' });
    }
  });

  afterAll(() => system.stop());

  test('sign-in sets the cookie (HttpOnly, SameSite=Strict, scoped to the refresh route, for the refresh lifetime) and answers without the refresh token', async () => {
    const res = await browserLogIn('ada@example.org');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    expect(setCookie(res)).toHaveLength(1);
    const attributes = setCookie(res)[0].split('; ');
    expect(attributes[0]).toMatch(/^refresh_token=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/v1/auth/refresh', `Max-Age=${REFRESH_TOKEN_TTL_MS / 1000}`]));
    // Over plain http the cookie cannot be Secure, or the browser would drop it.
    expect(attributes).not.toContain('Secure');
    expect(JSON.stringify(res.body)).not.toContain(cookieOf(res));
    const me = await call('GET', '/api/v1/auth/me', { token: res.body.accessToken as string });
    expect(me.body.email).toBe('ada@example.org');
  });

  test('the cookie is Secure when the request came over https through the trusted proxy', async () => {
    const res = await browserLogIn('ada@example.org', { origin: PUBLIC_ORIGIN, 'x-session': 'cookie', 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(setCookie(res)[0].split('; ')).toContain('Secure');
  });

  test('refresh with the cookie from this site rotates the cookie and answers a new access token only', async () => {
    const first = cookieOf(await browserLogIn('bo@example.org'));
    for (const headers of [ownPage(), { origin: PUBLIC_ORIGIN, 'x-session': 'cookie' }, { 'sec-fetch-site': 'same-origin', 'x-session': 'cookie' }]) {
      const before = cookieOf(await browserLogIn('bo@example.org'));
      const res = await browserRefresh(before, headers);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS });
      expect(setCookie(res)[0].split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/v1/auth/refresh']));
      expect(cookieOf(res)).not.toBe(before);
      expect((await call('GET', '/api/v1/auth/me', { token: res.body.accessToken as string })).status).toBe(200);
    }
    const second = await browserRefresh(first);
    expect(second.status).toBe(200);
    expect((await browserRefresh(cookieOf(second))).status).toBe(200);
  });

  test('a refresh from another site, or without the session header, is refused and changes nothing', async () => {
    const cookie = cookieOf(await browserLogIn('cy@example.org'));
    const before = await sessionRows();
    const refusals: Record<string, string>[] = [
      { origin: 'https://evil.example', 'x-session': 'cookie' },
      { origin: 'null', 'x-session': 'cookie' },
      { referer: 'https://evil.example/page', 'x-session': 'cookie' },
      { 'sec-fetch-site': 'same-site', 'x-session': 'cookie' },
      { 'x-session': 'cookie' }, // no Origin, Referer or Sec-Fetch-Site
      { origin: thisSite() }, // this site, but no session header (a forged form)
      { 'sec-fetch-site': 'same-origin', 'x-session': 'yes' },
    ];
    for (const headers of refusals) {
      const res = await browserRefresh(cookie, headers);
      expect({ headers, status: res.status, type: res.type, code: res.body.code }).toEqual({
        headers,
        status: 403,
        type: expect.stringContaining('application/problem+json'),
        code: 'cross_origin_request',
      });
      expect(setCookie(res)).toEqual([]);
    }
    expect(await sessionRows()).toBe(before);
    expect((await browserRefresh(cookie)).status).toBe(200);
  });

  test('a sign-in asking for the cookie from another site is refused: no session, no cookie', async () => {
    const before = await sessionRows();
    const res = await browserLogIn('dee@example.org', { origin: 'https://evil.example', 'x-session': 'cookie' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('cross_origin_request');
    expect(setCookie(res)).toEqual([]);
    expect(await sessionRows()).toBe(before);
  });

  test('a cookie used again after it was replaced ends the whole session', async () => {
    const first = cookieOf(await browserLogIn('eve@example.org'));
    const second = cookieOf(await browserRefresh(first));
    const reuse = await browserRefresh(first);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('invalid_refresh_token');
    expect((await browserRefresh(second)).body.code).toBe('invalid_refresh_token');
  });

  test('sign-out revokes the session and clears the cookie on its path', async () => {
    const login = await browserLogIn('fay@example.org');
    const res = await call('POST', '/api/v1/auth/logout', { token: login.body.accessToken as string, headers: ownPage() });
    expect(res.status).toBe(204);
    const cleared = setCookie(res)[0].split('; ');
    expect(cleared).toEqual(
      expect.arrayContaining(['refresh_token=', 'Path=/api/v1/auth/refresh', 'HttpOnly', 'SameSite=Strict', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']),
    );
    expect((await browserRefresh(cookieOf(login))).body.code).toBe('invalid_refresh_token');
    // From another site even a valid access token does not sign out (nor clear the cookie).
    const other = await browserLogIn('fay@example.org');
    const foreign = await call('POST', '/api/v1/auth/logout', {
      token: other.body.accessToken as string,
      headers: { origin: 'https://evil.example', 'x-session': 'cookie' },
    });
    expect(foreign.status).toBe(403);
    expect(setCookie(foreign)).toEqual([]);
    expect((await browserRefresh(cookieOf(other))).status).toBe(200);
  });

  test('a refresh without a token in the body or a cookie is 401 for a browser and 400 for a tool; a token in both ways is 400', async () => {
    expect((await browserRefresh(undefined)).body.code).toBe('invalid_refresh_token');
    expect((await browserRefresh('A'.repeat(43))).body.code).toBe('invalid_refresh_token');
    const tool = await call('POST', '/api/v1/auth/refresh', { body: {} });
    expect([tool.status, tool.body.code]).toEqual([400, 'validation_failed']);
    const { refreshToken } = (await call('POST', '/api/v1/auth/login', { body: { email: 'ada@example.org', password: PASSWORD } })).body as {
      refreshToken: string;
    };
    const both = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken }, headers: ownPage() });
    expect([both.status, both.body.code]).toEqual([400, 'validation_failed']);
  });

  test('tools keep the JSON body flow: both tokens in the body, no cookie', async () => {
    const login = await call('POST', '/api/v1/auth/login', { body: { email: 'ada@example.org', password: PASSWORD } });
    expect(login.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie(login)).toEqual([]);
    const refresh = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refresh.status).toBe(200);
    expect(refresh.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie(refresh)).toEqual([]);
    const logout = await call('POST', '/api/v1/auth/logout', { token: refresh.body.accessToken as string });
    expect(logout.status).toBe(204);
    expect(setCookie(logout)).toEqual([]);
  });
});
