import { describe, expect, test } from '@jest/globals';
import { redactAddresses, redactError } from './redact-addresses.js';

describe('redactAddresses', () => {
  test('replaces the addresses a mail server echoes and leaves the rest of its words', () => {
    expect(redactAddresses(`Can't send mail - all recipients were rejected: 550 5.1.1 <Gone.Rater+x@rater.example>: Recipient address rejected`)).toBe(
      `Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: Recipient address rejected`,
    );
    expect(redactAddresses('RCPT TO:gone@rater.example, "x@y.org" (a@b)')).toBe('RCPT TO:[address], "[address]" ([address])');
    expect(redactAddresses('delivery 7f0c rejected: 550 5.7.1 relaying denied')).toBe('delivery 7f0c rejected: 550 5.7.1 relaying denied');
  });

  test('redacts an error in place, stack included', () => {
    const error = redactError(new Error('451 4.7.1 <rae@clinic.example>: greylisted'));
    expect(error.message).toBe('451 4.7.1 <[address]>: greylisted');
    expect(error.stack).not.toContain('rae@clinic.example');
    expect(error.stack).toContain('[address]');
  });
});
