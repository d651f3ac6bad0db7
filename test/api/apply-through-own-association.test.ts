import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSystem } from '../support/test-system.js';
import { caller } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';

// Endorsement is earned through the association one is a member of (registered with); another
// association takes the application only if its data accepts that association's members.
describe('an applicant applies through their own association', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let token: string;

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    const body = { email: 'tess@family.example', password: PASSWORD, fullName: 'Tess Applicant', associationCode: 'MI-AIMH' };
    expect((await call('POST', '/api/v1/auth/register', { body })).status).toBe(202);
    token = (await call('POST', '/api/v1/auth/login', { body: { email: body.email, password: PASSWORD } })).body.accessToken as string;
  });
  afterAll(() => system.stop());

  test('starting an application at another association is refused in plain words, and nothing is stored', async () => {
    const refused = await call('POST', '/api/v1/applications', { token, body: { associationCode: 'TAIMH', categoryCode: 'IFA' } });
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 403,
      code: 'other_association',
      title: 'Please apply through your own association',
      detail: expect.stringContaining('You are registered with Michigan Association for Infant Mental Health, so you apply for Endorsement through it.'),
    });
    expect(await system.ds.query(`SELECT count(*)::int AS n FROM applications`)).toEqual([{ n: 0 }]);
  });

  test('at their own association the same application starts', async () => {
    const started = await call('POST', '/api/v1/applications', { token, body: { associationCode: 'MI-AIMH', categoryCode: 'IFA' } });
    expect(started.status).toBe(201);
    expect(await system.ds.query(`SELECT association_code FROM applications`)).toEqual([{ association_code: 'MI-AIMH' }]);
  });
});
