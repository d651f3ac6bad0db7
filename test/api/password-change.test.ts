import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ResponseContract } from '../support/openapi-responses.js';
import { decodedHeader, header, readableBody } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase, long';

describe('a signed-in password change, through api, worker and SMTP', () => {
  const system = new TestSystem();
  // Every answer checked against docs/openapi.json.
  const call = new ResponseContract().wrap(caller(() => system.api!));
  const logIn = (email: string, password = PASSWORD) => call('POST', '/api/v1/auth/login', { body: { email, password } });
  const session = async (email: string, password = PASSWORD) => (await logIn(email, password)).body as { accessToken: string; refreshToken: string };
  const refresh = (refreshToken: string) => call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
  const change = (token: string, body: Record<string, unknown>) => call('POST', '/api/v1/auth/password-changes', { token, body });
  const noticesTo = (address: string) => system.smtp.to(address).filter((m) => header(m, 'X-Template') === 'password_changed');
  const notices = async () =>
    Number((await system.ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM email_deliveries WHERE template = 'password_changed'`))[0].n);

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    expect(
      (
        await call('POST', '/api/v1/auth/register', {
          body: { email: 'ada@example.org', password: PASSWORD, fullName: 'Ada Lovelace', associationCode: 'WA-AIMH' },
        })
      ).status,
    ).toBe(202);
  });
  afterAll(() => system.stop());

  test('a wrong current password or a weak new one changes nothing', async () => {
    const here = await session('ada@example.org');
    const wrong = await change(here.accessToken, { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'wrong_password' } });
    expect(wrong.type).toContain('application/problem+json');
    const weak = await change(here.accessToken, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak).toMatchObject({ status: 400, body: { code: 'validation_failed', errors: [{ field: 'newPassword' }] } });
    expect((await change('', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
    expect((await logIn('ada@example.org')).status).toBe(200);
    expect((await refresh(here.refreshToken)).status).toBe(200);
    expect(await notices()).toBe(0);
  });

  test('the new password works, the old does not; other sessions end, this one stays; the owner is told', async () => {
    const here = await session('ada@example.org');
    const elsewhere = await session('ada@example.org');
    expect((await change(here.accessToken, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);

    expect((await logIn('ada@example.org')).body.code).toBe('invalid_credentials');
    expect((await logIn('ada@example.org', NEW_PASSWORD)).status).toBe(200);
    expect((await refresh(elsewhere.refreshToken)).body.code).toBe('invalid_refresh_token');
    expect((await refresh(here.refreshToken)).status).toBe(200);

    const [mail] = await waitFor(
      'the password_changed email',
      () => noticesTo('ada@example.org'),
      (m) => m.length > 0,
    );
    expect(decodedHeader(mail, 'Subject')).toBe('WA-AIMH: Your Endorsement password was changed');
    const body = readableBody(mail);
    expect(body).toContain('The password of your Endorsement account with Western Australian Association for Infant Mental Health was just changed');
    expect(body).toContain('If it was not you');
    expect(body).not.toContain(NEW_PASSWORD);
  });

  test("an Alliance-wide administrator's account hears from the Alliance", async () => {
    await seedAccount(system.ds, {
      email: 'alliance@example.org',
      password: PASSWORD,
      roles: ['administrator'],
      associationCode: null,
      fullName: 'Alma Alliance',
    });
    expect((await change((await session('alliance@example.org')).accessToken, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    const [mail] = await waitFor(
      'the password_changed email',
      () => noticesTo('alliance@example.org'),
      (m) => m.length > 0,
    );
    expect(readableBody(mail)).toContain('with Alliance for the Advancement of Infant Mental Health was just changed');
  });
});
