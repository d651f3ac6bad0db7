import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CreateAdministrator } from '#auth';
import { caller, claimsOf } from '../api/auth-harness.js';
import { decodedHeader, header, readableBody } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const PASSWORD = 'a long and private passphrase';

describe('creating the first administrator (npm run create-admin)', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let createAdministrator: CreateAdministrator;
  const accountOf = async (email: string) =>
    ((await system.ds.query(`SELECT id, roles, association_code, password_hash FROM accounts WHERE lower(email) = lower($1)`, [email])) as {
      id: string;
      roles: string[];
      association_code: string | null;
      password_hash: string | null;
    }[])[0];
  const invitations = (email: string) => system.smtp.to(email).filter((m) => header(m, 'X-Template') === 'staff_invitation');

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    createAdministrator = system.api!.get(CreateAdministrator);
  });
  afterAll(async () => system.stop());

  test('an Alliance-wide administrator: no password until they set one through the emailed link, then signs in and sees every association', async () => {
    expect(await createAdministrator.execute({ email: 'root@alliance.example', fullName: 'Rosa Root' })).toEqual({ created: true, accountId: expect.any(String) });
    expect(await accountOf('root@alliance.example')).toMatchObject({ roles: ['administrator'], association_code: null, password_hash: null });

    const [mail] = await waitFor('the invitation', () => invitations('root@alliance.example'), (m) => m.length === 1);
    const token = /\/accept-invitation#token=([A-Za-z0-9_-]{43})/.exec(readableBody(mail))?.[1];
    expect(token).toBeDefined();
    expect(readableBody(mail)).toContain('administrator');
    // From the Alliance, not from whichever association the person row names.
    expect(readableBody(mail)).toContain('Alliance for the Advancement of Infant Mental Health invites you');
    expect(decodedHeader(mail, 'Subject')).toMatch(/^Alliance: /);
    const accepted = await call('POST', '/auth/invitations/accept', { body: { token, password: PASSWORD, fullName: 'Rosa Root' } });
    expect(accepted.status).toBe(200);

    const login = await call('POST', '/auth/login', { body: { email: 'root@alliance.example', password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(claimsOf(login.body.accessToken as string)).toMatchObject({ roles: ['administrator'], assoc: null });
    const queues = await call('GET', '/staff/queues', { token: login.body.accessToken as string });
    expect(queues).toMatchObject({ status: 200, body: { association: null } });
  });

  test('running it again for a known address (any case) changes nothing and sends nothing', async () => {
    const before = await system.ds.query(`SELECT count(*)::int AS accounts, (SELECT count(*)::int FROM email_deliveries) AS emails FROM accounts`);
    expect(await createAdministrator.execute({ email: 'ROOT@alliance.example', fullName: 'Someone Else', associationCode: 'TAIMH' })).toEqual({ created: false });
    expect(await system.ds.query(`SELECT count(*)::int AS accounts, (SELECT count(*)::int FROM email_deliveries) AS emails FROM accounts`)).toEqual(before);
    expect(await accountOf('root@alliance.example')).toMatchObject({ association_code: null, password_hash: expect.stringMatching(/^\$argon2id\$/) });
  });

  test('an administrator of one association; an unknown association is refused', async () => {
    expect((await createAdministrator.execute({ email: 'tx-admin@example.org', fullName: 'Tex Admin', associationCode: 'TAIMH' })).created).toBe(true);
    expect(await accountOf('tx-admin@example.org')).toMatchObject({ roles: ['administrator'], association_code: 'TAIMH' });
    await expect(createAdministrator.execute({ email: 'nope@example.org', fullName: 'No Body', associationCode: 'NOPE' })).rejects.toThrow('"NOPE" is not an association');
    expect(await accountOf('nope@example.org')).toBeUndefined();
  });
});
