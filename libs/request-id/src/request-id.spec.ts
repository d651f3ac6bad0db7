import { describe, expect, test } from '@jest/globals';
import { acceptedRequestId, currentRequestId, withRequestId } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('acceptedRequestId', () => {
  test('keeps a short token a client sent', () => {
    expect(acceptedRequestId('abc-123')).toBe('abc-123');
    expect(acceptedRequestId('0b5e6d1c-7a0f-4c0e-9a57-2f1f1b7f4d11')).toBe('0b5e6d1c-7a0f-4c0e-9a57-2f1f1b7f4d11');
    expect(acceptedRequestId('trace_01.HX')).toBe('trace_01.HX');
    expect(acceptedRequestId('a'.repeat(64))).toBe('a'.repeat(64));
  });

  test('replaces anything else with a fresh uuid: too long, spaces, line breaks, header or JSON syntax, several values', () => {
    for (const bad of ['a'.repeat(65), '', 'Jane Doe', 'abc\r\nX-Injected: 1', 'a"b', 'a,b', 'a:b', 'jane@example.org', undefined, ['a', 'b'], 42]) {
      expect(acceptedRequestId(bad)).toMatch(UUID);
    }
    expect(acceptedRequestId(undefined)).not.toBe(acceptedRequestId(undefined));
  });
});

describe('withRequestId', () => {
  test('the id holds across awaits inside, and nowhere outside', async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await withRequestId('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const inner = await withRequestId('req-2', () => Promise.resolve(currentRequestId()));
      return [currentRequestId(), inner];
    });
    expect(seen).toEqual(['req-1', 'req-2']);
    expect(currentRequestId()).toBeUndefined();
  });
});
