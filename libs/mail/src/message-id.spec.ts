import { describe, expect, test } from '@jest/globals';
import { deliveryMessageId, senderDomain } from './message-id.js';

describe('deliveryMessageId', () => {
  const row = { id: '6f1c2d3e-0000-4000-8000-000000000001', business_key: 'outbox-42-applicant' };

  test('is the same for every send of a row and differs between rows', () => {
    const id = deliveryMessageId(row, 'mi-aimh.example.org');
    expect(id).toMatch(/^<ledger-6f1c2d3e-0000-4000-8000-000000000001\.[0-9a-f]{16}@mi-aimh\.example\.org>$/);
    expect(deliveryMessageId({ ...row }, 'mi-aimh.example.org')).toBe(id);
    expect(deliveryMessageId({ ...row, business_key: 'outbox-43-applicant' }, 'mi-aimh.example.org')).not.toBe(id);
  });

  test('takes the domain of the sender address', () => {
    expect(senderDomain('Endorsement <no-reply@endorsement.local>')).toBe('endorsement.local');
    expect(senderDomain('no-reply@mi-aimh.example.org')).toBe('mi-aimh.example.org');
    expect(senderDomain('Endorsement')).toBe('localhost');
  });
});
