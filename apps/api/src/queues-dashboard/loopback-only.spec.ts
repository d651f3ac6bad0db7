import { describe, expect, test } from '@jest/globals';
import { isLocalRequest, isLoopbackAddress } from './loopback-only.js';

const req = (remoteAddress: string | undefined, headers: Record<string, string> = { host: 'localhost:3000' }) => ({ socket: { remoteAddress }, headers }) as never;

describe('isLoopbackAddress', () => {
  test.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1'])('%s is loopback', (a) => expect(isLoopbackAddress(a)).toBe(true));
  test.each([undefined, '', '10.0.0.1', '192.0.2.2', '::ffff:10.0.0.1', '::2', 'fe80::1', '128.0.0.1', '127.example', 'localhost'])('%s is not', (a) =>
    expect(isLoopbackAddress(a)).toBe(false),
  );
});

describe('isLocalRequest', () => {
  test.each(['localhost', 'localhost:3000', 'LOCALHOST:3000', '127.0.0.1:3000', '127.0.0.1', '[::1]:3000', '[::1]'])('loopback peer, Host %s: local', (host) =>
    expect(isLocalRequest(req('127.0.0.1', { host }))).toBe(true),
  );

  test('a non-loopback peer is not local, whatever its headers say', () => {
    expect(isLocalRequest(req('192.0.2.2'))).toBe(false);
    expect(isLocalRequest(req(undefined))).toBe(false);
  });

  test('a forwarded request is not local even when the proxy connects over loopback', () => {
    expect(isLocalRequest(req('127.0.0.1', { host: 'localhost', 'x-forwarded-for': '203.0.113.9' }))).toBe(false);
    expect(isLocalRequest(req('::1', { host: 'localhost', forwarded: 'for=203.0.113.9' }))).toBe(false);
  });

  test.each([undefined, '', 'attacker.example', 'attacker.example:3000', 'localhost.attacker.example', '10.0.0.1:3000', '[::2]:3000'])(
    'Host %s is refused (DNS rebinding)',
    (host) => expect(isLocalRequest(req('127.0.0.1', host === undefined ? {} : { host }))).toBe(false),
  );
});
