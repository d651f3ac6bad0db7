import { describe, expect, test } from '@jest/globals';
import type { Reply } from './auth-harness.js';
import { ResponseContract } from '../support/openapi-responses.js';

/** The checker the end-to-end journeys run every answer through, on answers made up to break it. */
describe('answers checked against docs/openapi.json', () => {
  const contract = new ResponseContract();
  const reply = (status: number, body: Record<string, unknown>, type = 'application/json; charset=utf-8'): Reply => ({
    status,
    type,
    headers: new Headers(),
    body,
  });
  const tokens = { accessToken: 'a.b.c', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 };

  test('an answer as documented passes', () => {
    expect(() => contract.check('POST', '/api/v1/auth/login', reply(200, tokens))).not.toThrow();
    expect(() => contract.check('POST', '/api/v1/auth/logout', reply(204, {}))).not.toThrow();
    const problem = { type: 'about:blank', status: 401, code: 'invalid_credentials', title: 'Invalid credentials', instance: '/api/v1/auth/login' };
    expect(() => contract.check('POST', '/api/v1/auth/login', reply(401, problem, 'application/problem+json'))).not.toThrow();
  });

  test('a field added, renamed or missing fails', () => {
    expect(() => contract.check('POST', '/api/v1/auth/login', reply(200, { ...tokens, scope: 'all' }))).toThrow(/must NOT have additional properties.*scope/s);
    const { accessToken, ...rest } = tokens;
    expect(() => contract.check('POST', '/api/v1/auth/login', reply(200, { ...rest, access_token: accessToken }))).toThrow(/accessToken/);
    expect(() => contract.check('POST', '/api/v1/auth/login', reply(200, rest))).toThrow(/must have required property 'accessToken'/);
  });

  test('a wrong type, format or problem code fails', () => {
    expect(() => contract.check('POST', '/api/v1/auth/login', reply(200, { ...tokens, expiresIn: '900' }))).toThrow(/expiresIn must be integer/);
    const id = '3f2b6c1e-8d4a-4f7b-9c2d-1a2b3c4d5e6f';
    const assignment = { applicationId: id, assigneeId: id, claimedAt: 'yesterday' };
    expect(() => contract.check('POST', `/api/v1/staff/applications/${id}/claim`, reply(200, assignment))).toThrow(/claimedAt must match format "date-time"/);
    const problem = { type: 'about:blank', status: 409, code: 'made_up', title: 'Conflict' };
    expect(() => contract.check('POST', `/api/v1/staff/applications/${id}/claim`, reply(409, problem, 'application/problem+json'))).toThrow(
      /code must be equal to one of the allowed values/,
    );
  });

  test('an operation or status the document does not have fails', () => {
    expect(() => contract.check('GET', '/nowhere', reply(200, {}))).toThrow('GET /nowhere is not in docs/openapi.json');
    expect(() => contract.check('POST', '/api/v1/auth/login', reply(201, tokens))).toThrow(/status not documented/);
    expect(() => contract.check('POST', '/api/v1/auth/logout', reply(204, { done: true }))).toThrow(/documented without a body/);
  });
});
