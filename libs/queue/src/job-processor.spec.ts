import { describe, expect, test } from '@jest/globals';
import { requestIdOfJob } from './job-processor.js';

describe('requestIdOfJob', () => {
  test('a job a request caused runs under that request id', () => {
    expect(requestIdOfJob('mail', { id: 'email-1', data: { deliveryId: '1', requestId: 'abc-123' } })).toBe('abc-123');
  });

  test('a scheduled sweep runs under sweep:<job id>, any other job no single request caused under job:<job id>', () => {
    expect(requestIdOfJob('sweeps', { id: 'repeat:sweep-reminders:1796546529662', data: {} })).toBe('sweep:repeat:sweep-reminders:1796546529662');
    expect(requestIdOfJob('effects', { id: 'outbox-1-to-50-n50', data: { outboxIds: [], requestIds: ['a', 'b'] } })).toBe('job:outbox-1-to-50-n50');
  });
});
