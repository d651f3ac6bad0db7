import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { CreateAdministrator } from '#auth';
import { MIGRATIONS } from '#db';
import { caller, claimsOf } from '../api/auth-harness.js';
import { imageLayout } from '../support/image-layout.js';
import { decodedHeader, header, readableBody } from '../support/mail-reading.js';
import { ROOT, runProcess } from '../support/run-node.js';
import { adminQuery, TEST_DATABASE_SERVER_URL } from '../support/test-database.js';
import { createTestRedisPrefix, TEST_REDIS_URL } from '../support/test-redis.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const PASSWORD = 'a long and private passphrase';

describe('creating the first administrator (npm run create-admin)', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let createAdministrator: CreateAdministrator;
  const accountOf = async (email: string) =>
    (
      await system.ds.query<
        {
          id: string;
          roles: string[];
          association_code: string | null;
          password_hash: string | null;
        }[]
      >(`SELECT id, roles, association_code, password_hash FROM accounts WHERE lower(email) = lower($1)`, [email])
    )[0];
  const invitations = (email: string) => system.smtp.to(email).filter((m) => header(m, 'X-Template') === 'staff_invitation');

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    createAdministrator = system.api!.get(CreateAdministrator);
  });
  afterAll(async () => system.stop());

  test('an Alliance-wide administrator: no password until they set one through the emailed link, then signs in and sees every association', async () => {
    expect(await createAdministrator.execute({ email: 'root@alliance.example', fullName: 'Rosa Root' })).toEqual({
      created: true,
      accountId: expect.any(String),
    });
    expect(await accountOf('root@alliance.example')).toMatchObject({ roles: ['administrator'], association_code: null, password_hash: null });

    const [mail] = await waitFor(
      'the invitation',
      () => invitations('root@alliance.example'),
      (m) => m.length === 1,
    );
    const token = /\/accept-invitation#token=([A-Za-z0-9_-]{43})/.exec(readableBody(mail))?.[1];
    expect(token).toBeDefined();
    expect(readableBody(mail)).toContain('administrator');
    // From the Alliance, not from whichever association the person row names.
    expect(readableBody(mail)).toContain('Alliance for the Advancement of Infant Mental Health invites you');
    expect(decodedHeader(mail, 'Subject')).toMatch(/^Alliance: /);
    const accepted = await call('POST', '/api/v1/auth/invitations/accept', { body: { token, password: PASSWORD, fullName: 'Rosa Root' } });
    expect(accepted.status).toBe(200);

    const login = await call('POST', '/api/v1/auth/login', { body: { email: 'root@alliance.example', password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(claimsOf(login.body.accessToken as string)).toMatchObject({ roles: ['administrator'], assoc: null });
    const queues = await call('GET', '/api/v1/staff/queues', { token: login.body.accessToken as string });
    expect(queues).toMatchObject({ status: 200, body: { association: null } });
  });

  test('running it again for a known address (any case) changes nothing and sends nothing', async () => {
    const before = await system.ds.query(`SELECT count(*)::int AS accounts, (SELECT count(*)::int FROM email_deliveries) AS emails FROM accounts`);
    expect(await createAdministrator.execute({ email: 'ROOT@alliance.example', fullName: 'Someone Else', associationCode: 'TAIMH' })).toEqual({
      created: false,
    });
    expect(await system.ds.query(`SELECT count(*)::int AS accounts, (SELECT count(*)::int FROM email_deliveries) AS emails FROM accounts`)).toEqual(before);
    expect(await accountOf('root@alliance.example')).toMatchObject({ association_code: null, password_hash: expect.stringMatching(/^\$argon2id\$/) });
  });

  test('an administrator of one association; an unknown association is refused', async () => {
    expect((await createAdministrator.execute({ email: 'tx-admin@example.org', fullName: 'Tex Admin', associationCode: 'TAIMH' })).created).toBe(true);
    expect(await accountOf('tx-admin@example.org')).toMatchObject({ roles: ['administrator'], association_code: 'TAIMH' });
    await expect(createAdministrator.execute({ email: 'nope@example.org', fullName: 'No Body', associationCode: 'NOPE' })).rejects.toThrow(
      '"NOPE" is not an association',
    );
    expect(await accountOf('nope@example.org')).toBeUndefined();
  });
});

describe('npm run create-admin / the image command on a new install (no database yet, nothing started)', () => {
  const redis = createTestRedisPrefix();
  const databases: string[] = [];
  /** A database name nobody created: the command must create it and apply the migrations itself. */
  const freshDatabaseUrl = () => {
    const name = `endorsement_t_${randomBytes(6).toString('hex')}`;
    databases.push(name);
    const url = new URL(TEST_DATABASE_SERVER_URL);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const envFor = (databaseUrl: string) => ({ DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: redis.prefix, MAIL_CATCHER: 'off' });

  afterAll(async () => {
    for (const name of databases) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await redis.cleanup();
  });

  test('in the Docker image: `node dist/scripts/create-administrator.js …` creates the database, migrates, creates the administrator, prints one line', async () => {
    const image = imageLayout();
    const databaseUrl = freshDatabaseUrl();
    try {
      const run = await runProcess(
        process.execPath,
        ['dist/scripts/create-administrator.js', '--email', 'first@alliance.example', '--name', 'Fay First'],
        { ...image.env, LINK_SECRET: 'l'.repeat(40), AUTH_JWT_SECRET: 'j'.repeat(40), ...envFor(databaseUrl) },
        { cwd: image.dir, timeoutMs: 120_000 },
      );
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^Created administrator first@alliance\.example, Alliance-wide/)]);
    } finally {
      image.remove();
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      expect((await db.query(`SELECT count(*)::int AS n FROM typeorm_migrations`)).rows[0].n).toBe(MIGRATIONS.length);
      expect((await db.query(`SELECT roles FROM accounts WHERE email = 'first@alliance.example'`)).rows).toEqual([{ roles: ['administrator'] }]);
      expect((await db.query(`SELECT template, status FROM email_deliveries`)).rows).toEqual([{ template: 'staff_invitation', status: 'queued' }]);
    } finally {
      await db.end();
    }
  }, 180_000);

  test('`npm run create-admin` runs the build it finds (a running system keeps its dist/) and says in plain words what is wrong', async () => {
    const marker = join(ROOT, 'dist', `.create-admin-test-${redis.prefix}`);
    writeFileSync(marker, 'a rebuild would delete this');
    try {
      const run = await runProcess(
        'npm',
        ['run', '-s', 'create-admin', '--', '--email', 'second@alliance.example', '--name', 'Sam Second', '--association', 'NOPE'],
        { HOME: process.env.HOME ?? ROOT, ...envFor(freshDatabaseUrl()) },
        { timeoutMs: 120_000 },
      );
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^--association: "NOPE" is not an association of this system \(.*MI-AIMH/),
        expect.stringMatching(/^usage: npm run create-admin/),
      ]);
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(marker, { force: true });
    }
  }, 180_000);
});
