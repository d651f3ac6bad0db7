import { describe, expect, test } from '@jest/globals';
import { isDatabaseUnavailable } from './is-database-unavailable.js';

describe('isDatabaseUnavailable', () => {
  test.each([
    ['refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['server shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['TypeORM wrapping a dropped connection', Object.assign(new Error('query failed'), { driverError: new Error('Connection terminated unexpectedly') })],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s -> unavailable (503)', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['not an error', 'boom'],
  ])('%s -> not unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
