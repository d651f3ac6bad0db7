import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { accountLink, decodedHeader, header, readableBody } from '../support/mail-reading.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase, long';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('emailed account links, end to end through api, worker and SMTP', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const logIn = (email: string, password = PASSWORD) => call('POST', '/api/v1/auth/login', { body: { email, password } });
  const tokenOf = async (email: string, password = PASSWORD) => ((await logIn(email, password)).body as { accessToken: string }).accessToken;
  const mailsTo = (address: string, template: string) => system.smtp.to(address).filter((m) => header(m, 'X-Template') === template);
  const nextMail = async (address: string, template: string, after = 0) =>
    (
      await waitFor(
        `${template} to ${address}`,
        () => mailsTo(address, template),
        (m) => m.length > after,
      )
    ).at(-1)!;
  const count = async (sql: string, params: unknown[] = []) => Number((await system.ds.query<{ n: string }[]>(sql, params))[0].n);

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
  });
  afterAll(async () => system.stop());

  describe('password reset', () => {
    beforeAll(async () => {
      const reg = await call('POST', '/api/v1/auth/register', {
        body: { email: 'mary@example.org', password: PASSWORD, fullName: 'Mary Somerville', associationCode: 'WA-AIMH' },
      });
      expect(reg.status).toBe(202);
    });

    test('a known and an unknown address get the same 202; only the known one gets an email', async () => {
      const known = await call('POST', '/api/v1/auth/password-reset-requests', { body: { email: 'MARY@example.org' } });
      const unknown = await call('POST', '/api/v1/auth/password-reset-requests', { body: { email: 'ghost@example.org' } });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(known.body).toEqual(unknown.body);
      const mail = await nextMail('mary@example.org', 'password_reset');
      expect(decodedHeader(mail, 'Subject')).toBe('WA-AIMH: Reset your Endorsement password');
      expect(readableBody(mail)).toContain('Dear Mary Somerville,');
      expect(await count(`SELECT count(*) AS n FROM email_deliveries WHERE recipient_email = 'ghost@example.org'`)).toBe(0);
    });

    test('the link works once, sets the new password, unlocks, and signs out every session', async () => {
      const session = (await logIn('mary@example.org')).body as { refreshToken: string };
      const sent = mailsTo('mary@example.org', 'password_reset').length;
      await call('POST', '/api/v1/auth/password-reset-requests', { body: { email: 'mary@example.org' } });
      const { token } = accountLink(await nextMail('mary@example.org', 'password_reset', sent), 'reset-password');
      // Stored only as its hash; neither the token row nor the ledger row holds the link.
      expect(await count(`SELECT count(*) AS n FROM account_tokens WHERE token_hash = $1`, [sha256(token)])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM email_deliveries WHERE context::text LIKE $1`, [`%${token}%`])).toBe(0);
      await system.ds.query(`UPDATE accounts SET locked_until = now() + interval '10 minutes' WHERE email = 'mary@example.org'`);

      const reset = await call('POST', '/api/v1/auth/password-resets', { body: { token, password: NEW_PASSWORD } });
      expect(reset.status).toBe(204);
      expect((await logIn('mary@example.org')).status).toBe(401);
      expect((await logIn('mary@example.org', NEW_PASSWORD)).status).toBe(200);
      expect((await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);

      const again = await call('POST', '/api/v1/auth/password-resets', { body: { token, password: PASSWORD } });
      expect(again.status).toBe(400);
      expect(again.type).toContain('application/problem+json');
      expect(again.body.code).toBe('invalid_link');
    });

    test('a newer request replaces the older link, and a link expires after an hour', async () => {
      const sent = mailsTo('mary@example.org', 'password_reset').length;
      await call('POST', '/api/v1/auth/password-reset-requests', { body: { email: 'mary@example.org' } });
      const older = accountLink(await nextMail('mary@example.org', 'password_reset', sent), 'reset-password').token;
      await call('POST', '/api/v1/auth/password-reset-requests', { body: { email: 'mary@example.org' } });
      const newer = accountLink(await nextMail('mary@example.org', 'password_reset', sent + 1), 'reset-password').token;
      expect((await call('POST', '/api/v1/auth/password-resets', { body: { token: older, password: PASSWORD } })).body.code).toBe('invalid_link');

      const [row] = await system.ds.query<{ ttl: { hours?: number } }[]>(`SELECT expires_at - created_at AS ttl FROM account_tokens WHERE token_hash = $1`, [
        sha256(newer),
      ]);
      expect(row.ttl.hours).toBe(1);
      await system.ds.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(newer)]);
      expect((await call('POST', '/api/v1/auth/password-resets', { body: { token: newer, password: PASSWORD } })).body.code).toBe('invalid_link');
      expect((await logIn('mary@example.org', NEW_PASSWORD)).status).toBe(200);
    });

    test('the new password must meet the rules; a made-up token is invalid_link', async () => {
      const weak = await call('POST', '/api/v1/auth/password-resets', { body: { token: 'A'.repeat(43), password: 'short' } });
      expect(weak.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'password', message: expect.any(String) }] });
      expect((await call('POST', '/api/v1/auth/password-resets', { body: { token: 'A'.repeat(43), password: NEW_PASSWORD } })).body.code).toBe('invalid_link');
    });
  });

  describe('registering an address that has an account', () => {
    test('answers like a new registration, and the owner gets exactly one email, saying what to do', async () => {
      const attempt = { email: 'Mary@Example.org', password: 'someone else guessing', fullName: 'Not Mary', associationCode: 'MI-AIMH' };
      const first = await call('POST', '/api/v1/auth/register', { body: attempt });
      const fresh = await call('POST', '/api/v1/auth/register', { body: { ...attempt, email: 'someone-else@example.org' } });
      expect(first.status).toBe(202);
      expect(first.body).toEqual(fresh.body);
      const mail = await nextMail('mary@example.org', 'registration_attempt');
      expect(decodedHeader(mail, 'Subject')).toBe('MI-AIMH: Someone tried to create an account with your email address');
      const body = readableBody(mail);
      expect(body).toContain('Dear Mary Somerville,');
      expect(body).toContain('create a new Endorsement account with Michigan Association for Infant Mental Health using this email address');
      expect(body).toContain('If it was not you, you need do nothing');
      expect(body).not.toContain('Not Mary');
      // A second attempt within the hour records no second email; the ledger row is what would send it.
      expect((await call('POST', '/api/v1/auth/register', { body: attempt })).status).toBe(202);
      expect(await count(`SELECT count(*) AS n FROM email_deliveries WHERE template = 'registration_attempt'`)).toBe(1);
      expect(mailsTo('mary@example.org', 'registration_attempt')).toHaveLength(1);
    });
  });

  describe('staff invitations', () => {
    let miAdmin: string;
    let allianceAdmin: string;

    beforeAll(async () => {
      await seedAccount(system.ds, {
        email: 'admin@mi-aimh.example.org',
        password: PASSWORD,
        roles: ['administrator'],
        associationCode: 'MI-AIMH',
        fullName: 'Mia Admin',
      });
      await seedAccount(system.ds, {
        email: 'admin@alliance.example.org',
        password: PASSWORD,
        roles: ['administrator'],
        associationCode: null,
        fullName: 'Al Alliance',
      });
      miAdmin = await tokenOf('admin@mi-aimh.example.org');
      allianceAdmin = await tokenOf('admin@alliance.example.org');
    });

    const invite = (token: string, body: Record<string, unknown>) => call('POST', '/api/v1/staff/invitations', { token, body });

    test('an administrator invites a reviewer of their association, who accepts through the emailed link', async () => {
      const res = await invite(miAdmin, { email: 'rita@example.org', fullName: 'Rita Reviewer', roles: ['reviewer', 'exam_reviewer'] });
      expect(res.status).toBe(201);
      const [account] = await system.ds.query<
        {
          roles: string[];
          association_code: string;
          password_hash: string | null;
        }[]
      >(`SELECT roles, association_code, password_hash FROM accounts WHERE id = $1`, [res.body.accountId]);
      expect(account).toEqual({ roles: ['reviewer', 'exam_reviewer'], association_code: 'MI-AIMH', password_hash: null });
      // No password yet: nothing to sign in with.
      expect((await logIn('rita@example.org')).body.code).toBe('invalid_credentials');

      const mail = await nextMail('rita@example.org', 'staff_invitation');
      expect(decodedHeader(mail, 'Subject')).toBe('MI-AIMH: You are invited to the Endorsement team as reviewer and exam reviewer');
      expect(readableBody(mail)).toContain('Dear Rita Reviewer,');
      const { url, token } = accountLink(mail, 'accept-invitation');
      expect(url.startsWith(system.config.http.publicBaseUrl)).toBe(true);
      expect(await count(`SELECT count(*) AS n FROM account_tokens WHERE token_hash = $1 AND purpose = 'staff_invitation'`, [sha256(token)])).toBe(1);

      const accepted = await call('POST', '/api/v1/auth/invitations/accept', { body: { token, password: PASSWORD, fullName: 'Rita R. Reviewer' } });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ accountId: res.body.accountId, email: 'rita@example.org' });
      const me = await call('GET', '/api/v1/auth/me', { token: await tokenOf('rita@example.org') });
      expect(me.body).toMatchObject({ fullName: 'Rita R. Reviewer', roles: ['reviewer', 'exam_reviewer'], associationCode: 'MI-AIMH' });

      expect((await call('POST', '/api/v1/auth/invitations/accept', { body: { token, password: NEW_PASSWORD, fullName: 'Someone Else' } })).body.code).toBe(
        'invalid_link',
      );
      // A reset link is no invitation, and the other way round.
      expect((await call('POST', '/api/v1/auth/password-resets', { body: { token, password: NEW_PASSWORD } })).body.code).toBe('invalid_link');
    });

    test("an association's administrator cannot invite into another association", async () => {
      const before = await count(`SELECT count(*) AS n FROM accounts`);
      const res = await invite(miAdmin, { email: 'tex@example.org', fullName: 'Tex Coordinator', roles: ['coordinator'], associationCode: 'TAIMH' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect(await count(`SELECT count(*) AS n FROM accounts`)).toBe(before);
    });

    test('an Alliance-wide administrator names the association, which brands the email', async () => {
      const missing = await invite(allianceAdmin, { email: 'tex@example.org', fullName: 'Tex Coordinator', roles: ['coordinator'] });
      expect(missing.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'associationCode', message: expect.any(String) }] });
      const unknown = await invite(allianceAdmin, { email: 'tex@example.org', fullName: 'Tex Coordinator', roles: ['coordinator'], associationCode: 'NOPE' });
      expect(unknown.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'associationCode', message: expect.any(String) }] });

      const res = await invite(allianceAdmin, { email: 'tex@example.org', fullName: 'Tex Coordinator', roles: ['coordinator'], associationCode: 'TAIMH' });
      expect(res.status).toBe(201);
      const mail = await nextMail('tex@example.org', 'staff_invitation');
      expect(decodedHeader(mail, 'Subject')).toBe('TAIMH: You are invited to the Endorsement team as coordinator');
      expect(readableBody(mail)).toContain('Texas Association for Infant Mental Health');
    });

    test('refused: an address already known, administrator or applicant roles, unknown fields, a non-administrator', async () => {
      expect((await invite(miAdmin, { email: 'RITA@example.org', fullName: 'Rita Again', roles: ['reviewer'] })).body.code).toBe('email_taken');
      for (const roles of [['administrator'], ['applicant'], []]) {
        const res = await invite(miAdmin, { email: 'new@example.org', fullName: 'New Person', roles });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
      }
      const extra = await invite(miAdmin, { email: 'new@example.org', fullName: 'New Person', roles: ['reviewer'], passwordHash: 'x' });
      expect(extra.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'passwordHash', message: 'is not a known field' }] });
      const asReviewer = await invite(await tokenOf('rita@example.org'), { email: 'new@example.org', fullName: 'New Person', roles: ['reviewer'] });
      expect(asReviewer.status).toBe(403);
      expect(await count(`SELECT count(*) AS n FROM accounts WHERE email = 'new@example.org'`)).toBe(0);
    });
  });
});
