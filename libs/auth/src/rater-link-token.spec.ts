import { describe, expect, test } from '@jest/globals';
import { hashRaterLinkToken, raterLinkToken, verifyRaterLinkToken } from './rater-link-token.js';

const secret = 'x'.repeat(32);

describe('rater link tokens', () => {
  test('are stable per reference, differ between references and secrets, and are URL-safe', () => {
    const a = raterLinkToken(secret, 'ref-a');
    expect(raterLinkToken(secret, 'ref-a')).toBe(a);
    expect(raterLinkToken(secret, 'ref-b')).not.toBe(a);
    expect(raterLinkToken('y'.repeat(32), 'ref-a')).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('only a hash is stored, and verification refuses a tampered token', () => {
    const token = raterLinkToken(secret, 'ref-a');
    expect(hashRaterLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRaterLinkToken(token)).not.toContain(token);
    expect(verifyRaterLinkToken(secret, 'ref-a', token)).toBe(true);
    expect(verifyRaterLinkToken(secret, 'ref-a', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(verifyRaterLinkToken(secret, 'ref-b', token)).toBe(false);
  });
});
