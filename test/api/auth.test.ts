import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#config';
import { ACCESS_TOKEN_TTL_SECONDS, LOCKOUT_THRESHOLD } from '#auth';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { testConfig } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix } from '../support/test-redis.js';
import { caller, claimsOf, seedAccount, signJwt, tamper, urlOf } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const PORTAL = 'https://portal.example.org';

describe('authentication: registration, sign-in, sessions, default deny', () => {
  // The api alone: sign-in needs no worker.
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  const smtp = new SmtpSink();
  let config: AppConfig;
  let api: INestApplication;
  let ds: DataSource;
  const call = caller(() => api);
  const count = async (sql: string, params: unknown[] = []) => Number((await ds.query<{ n: string }[]>(sql, params))[0].n);
  const accounts = () => count(`SELECT count(*) AS n FROM accounts`);
  const people = () => count(`SELECT count(*) AS n FROM people`);

  async function register(email: string, extra: Record<string, unknown> = {}) {
    return call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, fullName: 'Ada Lovelace', associationCode: 'MI-AIMH', ...extra } });
  }
  async function logIn(email: string, password = PASSWORD) {
    return call('POST', '/api/v1/auth/login', { body: { email, password } });
  }
  async function tokensFor(email: string): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await logIn(email);
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await smtp.start();
    // Throttling is high enough never to trip here; it has its own test file.
    config = testConfig({
      databaseUrl: db.url,
      redisPrefix: redis.prefix,
      smtpPort: smtp.port,
      DATABASE_POOL_SIZE: 4,
      AUTH_THROTTLE_LIMIT: 1000,
      CORS_ORIGINS: PORTAL,
    });
    api = await createApiApp(config, 0);
    ds = api.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await smtp.stop();
    await redis.cleanup();
    await db?.drop();
  });

  describe('registration and sign-in', () => {
    test('an applicant registers, signs in and reads their account', async () => {
      const reg = await register('Ada@Example.org');
      expect(reg.status).toBe(202);
      expect(reg.body).toEqual({ message: expect.stringContaining('your account is ready') });
      const [{ id: accountId }] = await ds.query<{ id: string }[]>(`SELECT id FROM accounts WHERE email = 'Ada@Example.org'`);

      const login = await logIn('ada@example.org'); // addresses compare case-insensitively
      expect(login.status).toBe(200);
      expect(login.headers.get('cache-control')).toBe('no-store');
      expect(login.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        tokenType: 'Bearer',
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      });
      const claims = claimsOf(login.body.accessToken as string);
      expect(claims).toMatchObject({ typ: 'access', sub: accountId, roles: ['applicant'], assoc: 'MI-AIMH' });
      expect((claims.exp as number) - (claims.iat as number)).toBe(15 * 60);

      const me = await call('GET', '/api/v1/auth/me', { token: login.body.accessToken as string });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        id: accountId,
        personId: claims.pid,
        email: 'Ada@Example.org',
        fullName: 'Ada Lovelace',
        roles: ['applicant'],
        associationCode: 'MI-AIMH',
      });
    });

    test('only hashes are stored: argon2id for passwords, sha256 for refresh tokens', async () => {
      const { refreshToken } = await tokensFor('ada@example.org');
      const [account] = await ds.query<{ password_hash: string }[]>(`SELECT password_hash FROM accounts WHERE lower(email) = 'ada@example.org'`);
      expect(account.password_hash).toMatch(/^\$argon2id\$/);
      expect(account.password_hash).not.toContain(PASSWORD);
      expect(await count(`SELECT count(*) AS n FROM refresh_tokens WHERE token_hash = $1`, [refreshToken])).toBe(0);
    });

    test('an address already registered, in any case, answers exactly like a new one, creates nothing and records one email to its owner', async () => {
      const emailsToOwner = () =>
        count(`SELECT count(*) AS n FROM email_deliveries WHERE template = 'registration_attempt' AND recipient_email = 'Ada@Example.org'`);
      const fresh = await register('someone-new@example.org');
      const before = [await accounts(), await people()];
      const known = await register('ADA@example.ORG', { fullName: 'Someone Else', password: 'another long passphrase' });
      expect({ status: known.status, type: known.type, body: known.body }).toEqual({ status: fresh.status, type: fresh.type, body: fresh.body });
      expect(known.status).toBe(202);
      expect([await accounts(), await people()]).toEqual(before);
      // The owner's account is untouched: the old password still signs in.
      expect((await logIn('ada@example.org')).status).toBe(200);
      expect(await emailsToOwner()).toBe(1);
      // Within the hour, more attempts record no more emails: the route cannot flood the owner.
      expect((await register('ada@example.org')).status).toBe(202);
      expect(await emailsToOwner()).toBe(1);
      // An hour on (the ledger row moved back an hour, and so its hour in the key), the owner may be told again.
      await ds.query(
        `UPDATE email_deliveries SET created_at = created_at - interval '61 minutes',
                business_key = regexp_replace(business_key, '[0-9]+$', (substring(business_key from '[0-9]+$')::bigint - 1)::text)
          WHERE template = 'registration_attempt'`,
      );
      expect((await register('ada@example.org')).status).toBe(202);
      expect(await emailsToOwner()).toBe(2);
    });

    test('an unknown association is refused as a validation error naming the field', async () => {
      const res = await register('nobody@example.org', { associationCode: 'NOPE' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'associationCode', message: expect.any(String) }] });
      expect(await count(`SELECT count(*) AS n FROM accounts WHERE email = 'nobody@example.org'`)).toBe(0);
    });

    test('wrong password and unknown address: the same 401 invalid_credentials', async () => {
      const wrong = await logIn('ada@example.org', 'not the password at all');
      const unknown = await logIn('nobody@example.org');
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.type).toContain('application/problem+json');
        expect(res.body).toMatchObject({ type: 'about:blank', status: 401, code: 'invalid_credentials', instance: '/api/v1/auth/login' });
      }
      expect(wrong.body).toEqual(unknown.body);
    });
  });

  describe('validation at the edge', () => {
    test.each([
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
      ['roles smuggled in', { roles: ['administrator'] }, 'roles'],
      ['a name over 200 characters', { fullName: 'x'.repeat(201) }, 'fullName'],
      ['a password over 256 characters', { password: 'p'.repeat(257) }, 'password'],
      ['a password under 12 characters', { password: 'short pass' }, 'password'],
      ['an address that is not one', { email: 'not-an-address' }, 'email'],
      ['an address over 254 characters', { email: `${'a'.repeat(250)}@example.org` }, 'email'],
      ['a control character in the name', { fullName: 'Ada\u0000Lovelace' }, 'fullName'],
      ['a number for the name', { fullName: 42 }, 'fullName'],
    ])('%s → 400 validation_failed naming the field, nothing created', async (_, extra, field) => {
      const before = [await accounts(), await people()];
      const res = await register(`valid-${field}@example.org`, extra);
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
      expect([await accounts(), await people()]).toEqual(before);
    });

    test('a missing field, an empty body, malformed JSON and an array are 400', async () => {
      const missing = await call('POST', '/api/v1/auth/register', { body: { email: 'x@example.org', password: PASSWORD } });
      expect(missing.body).toMatchObject({ code: 'validation_failed' });
      expect((missing.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['associationCode', 'fullName']);
      for (const raw of ['', '{"email":', '[1,2]']) {
        const res = await call('POST', '/api/v1/auth/login', { raw });
        expect(res.status).toBe(400);
        expect(res.type).toContain('application/problem+json');
      }
    });

    test('a body over the size limit is 413 problem+json', async () => {
      const res = await call('POST', '/api/v1/auth/login', { raw: JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(300_000) }) });
      expect(res.status).toBe(413);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.code).toBe('payload_too_large');
    });
  });

  describe('lockout', () => {
    test(`after ${LOCKOUT_THRESHOLD} wrong passwords even the right one is refused, alike, until the lock ends`, async () => {
      await register('grace@example.org');
      for (let i = 0; i < LOCKOUT_THRESHOLD; i++) expect((await logIn('grace@example.org', 'wrong password!')).status).toBe(401);
      const locked = await logIn('grace@example.org');
      expect(locked.status).toBe(401);
      expect(locked.body.code).toBe('invalid_credentials'); // says nothing about the lock
      const [row] = await ds.query<{ locked_until: Date }[]>(`SELECT locked_until FROM accounts WHERE email = 'grace@example.org'`);
      const minutes = (row.locked_until.getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(14);
      expect(minutes).toBeLessThanOrEqual(15);

      // Fifteen minutes later (moved in the database; the api runs on the system clock).
      await ds.query(`UPDATE accounts SET locked_until = now() - interval '1 second' WHERE email = 'grace@example.org'`);
      expect((await logIn('grace@example.org')).status).toBe(200);
      expect(await count(`SELECT failed_logins AS n FROM accounts WHERE email = 'grace@example.org'`)).toBe(0);
    });

    test('a success in between resets the count: failures must be consecutive', async () => {
      await register('hopper@example.org');
      for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) await logIn('hopper@example.org', 'wrong password!');
      expect((await logIn('hopper@example.org')).status).toBe(200);
      for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) await logIn('hopper@example.org', 'wrong password!');
      expect((await logIn('hopper@example.org')).status).toBe(200);
    });
  });

  describe('sessions', () => {
    test('refresh rotates the token; reusing a rotated one revokes the whole session', async () => {
      await register('lin@example.org');
      const first = await tokensFor('lin@example.org');
      const second = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await call('GET', '/api/v1/auth/me', { token: second.body.accessToken as string })).status).toBe(200);

      // The old token again: someone copied it. Refused, and the current one dies with it.
      const reuse = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('invalid_refresh_token');
      const current = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(current.status).toBe(401);
      expect(current.body.code).toBe('invalid_refresh_token');
    });

    test('an unknown or expired refresh token is 401; a malformed one is 400', async () => {
      expect((await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: 'A'.repeat(43) } })).body.code).toBe('invalid_refresh_token');
      const { refreshToken } = await tokensFor('lin@example.org');
      await ds.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE rotated_at IS NULL AND revoked_at IS NULL`);
      expect((await call('POST', '/api/v1/auth/refresh', { body: { refreshToken } })).status).toBe(401);
      expect((await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: 'short' } })).body.code).toBe('validation_failed');
    });

    test('logout ends this session only', async () => {
      const a = await tokensFor('lin@example.org');
      const b = await tokensFor('lin@example.org');
      const out = await call('POST', '/api/v1/auth/logout', { token: a.accessToken });
      expect(out.status).toBe(204);
      expect((await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: a.refreshToken } })).status).toBe(401);
      expect((await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: b.refreshToken } })).status).toBe(200);
    });

    test('logout needs a signed-in caller', async () => {
      expect((await call('POST', '/api/v1/auth/logout')).status).toBe(401);
    });
  });

  describe('access tokens: anything but a valid, current access token is 401', () => {
    let token: string;
    beforeAll(async () => (token = (await tokensFor('ada@example.org')).accessToken));

    const me = (authorization?: string) => call('GET', '/api/v1/auth/me', { headers: authorization ? { authorization } : {} });
    const expect401 = (res: Awaited<ReturnType<typeof me>>, code: string) => {
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, code });
    };

    test('the valid token works', async () => {
      expect((await me(`Bearer ${token}`)).status).toBe(200);
    });

    test('missing', async () => {
      const res = await me();
      expect401(res, 'authentication_required');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    test('tampered: one character of the signature changed', async () => {
      const res = await me(`Bearer ${tamper(token)}`);
      expect401(res, 'invalid_token');
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    });

    test('tampered claims: roles raised, signature kept', async () => {
      const [header, , signature] = token.split('.');
      const raised = Buffer.from(JSON.stringify({ ...claimsOf(token), roles: ['administrator'] })).toString('base64url');
      expect401(await me(`Bearer ${header}.${raised}.${signature}`), 'invalid_token');
    });

    test('expired: same secret, exp in the past', async () => {
      const now = Math.floor(Date.now() / 1000);
      expect401(await me(`Bearer ${signJwt({ ...claimsOf(token), iat: now - 1000, exp: now - 100 }, config.auth.jwtSecret)}`), 'token_expired');
    });

    test('not an access token: another typ, or no typ', async () => {
      const { typ: _typ, ...untyped } = claimsOf(token);
      expect401(await me(`Bearer ${signJwt({ ...claimsOf(token), typ: 'refresh' }, config.auth.jwtSecret)}`), 'invalid_token');
      expect401(await me(`Bearer ${signJwt(untyped, config.auth.jwtSecret)}`), 'invalid_token');
    });

    test('signed with another secret', async () => {
      expect401(await me(`Bearer ${signJwt(claimsOf(token), 'another-secret-of-at-least-32-characters!')}`), 'invalid_token');
    });

    test('alg none, and another algorithm with the same secret', async () => {
      const claims = Buffer.from(JSON.stringify(claimsOf(token))).toString('base64url');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${claims}.`;
      expect401(await me(`Bearer ${none}`), 'invalid_token');
      expect401(await me(`Bearer ${signJwt(claimsOf(token), config.auth.jwtSecret, { alg: 'HS512', typ: 'JWT' })}`), 'invalid_token');
    });

    test('not a bearer token', async () => {
      expect401(await me(`Basic ${Buffer.from('ada:pw').toString('base64')}`), 'invalid_token');
      expect401(await me('Bearer not-a-jwt'), 'invalid_token');
    });
  });

  describe('roles', () => {
    test('a route for administrators refuses an applicant with 403 and does nothing', async () => {
      const { accessToken } = await tokensFor('ada@example.org');
      const before = await accounts();
      const res = await call('POST', '/api/v1/staff/invitations', {
        token: accessToken,
        body: { email: 'new@example.org', fullName: 'New Staff', roles: ['reviewer'] },
      });
      expect(res.status).toBe(403);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
      expect(await accounts()).toBe(before);
    });

    test('a staff account carries its roles and association in its token', async () => {
      await seedAccount(ds, { email: 'rev@example.org', password: PASSWORD, roles: ['reviewer', 'exam_reviewer'], associationCode: 'TAIMH' });
      const { accessToken } = await tokensFor('rev@example.org');
      expect(claimsOf(accessToken)).toMatchObject({ roles: ['reviewer', 'exam_reviewer'], assoc: 'TAIMH' });
      expect((await call('GET', '/api/v1/auth/me', { token: accessToken })).body).toMatchObject({
        roles: ['reviewer', 'exam_reviewer'],
        associationCode: 'TAIMH',
      });
    });
  });

  describe('HTTP hardening', () => {
    test('security headers on every answer, public or not', async () => {
      for (const res of [await call('GET', '/health/live'), await call('GET', '/api/v1/auth/me')]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('strict-transport-security')).toContain('max-age=');
        expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
        // The test site is plain http: WebKit (Safari) would upgrade even its localhost requests and load nothing.
        expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(res.headers.get('x-powered-by')).toBeNull();
      }
    });

    test('CORS: the configured origin may call, others get no CORS headers', async () => {
      const preflight = (origin: string) =>
        call('OPTIONS', '/api/v1/auth/login', {
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
      const allowed = await preflight(PORTAL);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
      const other = await preflight('https://evil.example.com');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    test('public routes stay public: health and the rater form answer without a token', async () => {
      expect((await call('GET', '/health/live')).status).toBe(200);
      // An unknown rater link: the rater form's own "link not found" page, not a 401.
      const page = await fetch(urlOf(api, `/r/${'A'.repeat(43)}`));
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
    });

    test('an unknown API route is 404 problem+json, not 401', async () => {
      const res = await call('GET', '/api/v1/nowhere');
      expect(res.status).toBe(404);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.code).toBe('not_found');
    });

    test('the JSON API answers only under /api/v1; probes and the rater form keep their addresses', async () => {
      // The paths emails link to belong to the web app's pages: the API no longer answers there.
      const oldLogin = await fetch(urlOf(api, '/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ada@example.org', password: PASSWORD }),
      });
      expect(oldLogin.status).toBe(404);
      expect(await call('GET', '/api/v1/health/live')).toMatchObject({ status: 404, body: { code: 'not_found' } });
      expect(await call('GET', `/api/v1/r/${'A'.repeat(43)}`)).toMatchObject({ status: 404, body: { code: 'not_found' } });
    });
  });
});
