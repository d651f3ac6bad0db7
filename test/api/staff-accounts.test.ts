import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TestSystem } from '../support/test-system.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';

describe("staff accounts: an administrator lists the association's staff and sets their roles, no other association's", () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function account(name: string, roles: string[], associationCode: string | null) {
    const email = `${name}@staff.example.org`;
    ids[name] = await seedAccount(ds, { email, password: PASSWORD, roles, associationCode, fullName: `${name} Staff` });
    tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }

  const rolesOf = async (id: string) => (await ds.query<{ roles: string[] }[]>(`SELECT roles FROM accounts WHERE id = $1`, [id]))[0].roles;
  const setRoles = (id: string, roles: unknown, token = tokens.admin) => call('PUT', `/api/v1/staff/accounts/${id}/roles`, { token, body: { roles } });

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    ds = system.ds;
    await account('admin', ['administrator'], 'MI-AIMH');
    await account('coord', ['coordinator'], 'MI-AIMH');
    await account('reviewerApplicant', ['applicant', 'reviewer'], 'MI-AIMH');
    await account('applicant', ['applicant'], 'MI-AIMH');
    await account('txAdmin', ['administrator'], 'TAIMH');
    await account('txCoord', ['coordinator'], 'TAIMH');
    await account('alliance', ['administrator'], null);
  });

  afterAll(() => system.stop());

  test("an administrator sees their association's staff with their roles, not applicants, not another association's", async () => {
    const res = await call('GET', '/api/v1/staff/accounts', { token: tokens.admin });
    expect(res.status).toBe(200);
    expect(res.body.accounts).toEqual([
      { id: ids.admin, fullName: 'admin Staff', email: 'admin@staff.example.org', roles: ['administrator'], active: true },
      { id: ids.coord, fullName: 'coord Staff', email: 'coord@staff.example.org', roles: ['coordinator'], active: true },
      {
        id: ids.reviewerApplicant,
        fullName: 'reviewerApplicant Staff',
        email: 'reviewerApplicant@staff.example.org',
        roles: ['applicant', 'reviewer'],
        active: true,
      },
    ]);
    expect((await call('GET', '/api/v1/staff/accounts?association=TAIMH', { token: tokens.admin })).body).toMatchObject({ status: 403, code: 'forbidden' });
  });

  test('an Alliance-wide administrator names the association; without one the request is refused', async () => {
    const res = await call('GET', '/api/v1/staff/accounts?association=TAIMH', { token: tokens.alliance });
    expect((res.body.accounts as { id: string }[]).map((a) => a.id).sort()).toEqual([ids.txAdmin, ids.txCoord].sort());
    expect((await call('GET', '/api/v1/staff/accounts', { token: tokens.alliance })).body).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'association' }],
    });
  });

  test('only administrators may list or set roles', async () => {
    expect((await call('GET', '/api/v1/staff/accounts', { token: tokens.coord })).status).toBe(403);
    expect((await setRoles(ids.reviewerApplicant, ['coordinator'], tokens.coord)).status).toBe(403);
    expect((await call('GET', '/api/v1/staff/accounts')).status).toBe(401);
    expect(await rolesOf(ids.reviewerApplicant)).toEqual(['applicant', 'reviewer']);
  });

  test('an administrator replaces the working roles; applicant and administrator roles stay; the next sign-in carries them', async () => {
    const res = await setRoles(ids.reviewerApplicant, ['coordinator', 'exam_reviewer']);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: ids.reviewerApplicant,
      fullName: 'reviewerApplicant Staff',
      email: 'reviewerApplicant@staff.example.org',
      roles: ['applicant', 'coordinator', 'exam_reviewer'],
      active: true,
    });
    expect((await setRoles(ids.admin, ['reviewer'])).body).toMatchObject({ roles: ['administrator', 'reviewer'] });

    const login = await call('POST', '/api/v1/auth/login', { body: { email: 'reviewerApplicant@staff.example.org', password: PASSWORD } });
    const me = await call('GET', '/api/v1/auth/me', { token: login.body.accessToken as string });
    expect(me.body.roles).toEqual(['applicant', 'coordinator', 'exam_reviewer']);
  });

  test("another association's staff, an applicant or an unknown id are not found, and nothing changes", async () => {
    for (const id of [ids.txCoord, ids.applicant, '00000000-0000-4000-8000-000000000000']) {
      expect((await setRoles(id, ['coordinator'])).body).toMatchObject({ status: 404, code: 'staff_account_not_found' });
    }
    expect(await rolesOf(ids.txCoord)).toEqual(['coordinator']);
    expect(await rolesOf(ids.applicant)).toEqual(['applicant']);
  });

  test('roles an administrator cannot hand out, no role, or a malformed id are refused with the field named', async () => {
    for (const roles of [['administrator'], ['applicant'], [], 'coordinator']) {
      const { body } = await setRoles(ids.coord, roles);
      expect(body).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(body.errors).toContainEqual(expect.objectContaining({ field: expect.stringMatching(/^roles/) }));
    }
    expect((await setRoles('not-an-id', ['coordinator'])).body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(await rolesOf(ids.coord)).toEqual(['coordinator']);
  });

  test("an Alliance-wide administrator sets the roles of any association's staff", async () => {
    expect((await setRoles(ids.txCoord, ['reviewer'], tokens.alliance)).body).toMatchObject({ id: ids.txCoord, roles: ['reviewer'] });
  });
});
