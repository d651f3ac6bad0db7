import { describe, expect, test } from '@jest/globals';
import { loggedUrl } from './logger-options.js';

describe('loggedUrl', () => {
  test('keeps the path and the parameter names, redacts every query value', () => {
    expect(loggedUrl('/registry?association=MI-AIMH&q=Jane%20Doe&limit=10')).toBe('/registry?association=[redacted]&q=[redacted]&limit=[redacted]');
    expect(loggedUrl('/staff/applications?state=submitted')).toBe('/staff/applications?state=[redacted]');
    expect(loggedUrl('/registry?q=Jane+Doe&q=second')).toBe('/registry?q=[redacted]&q=[redacted]');
  });

  test('a name that is not a parameter name (a person typed where a key goes) is redacted too', () => {
    expect(loggedUrl('/registry?Jane%20Doe')).toBe('/registry?[redacted]=[redacted]');
    expect(loggedUrl('/registry?')).toBe('/registry?');
  });

  test('paths without a query are logged as they are, except the secret of a rater link', () => {
    expect(loggedUrl('/applications/0b5e6d1c-7a0f-4c0e-9a57-2f1f1b7f4d11')).toBe('/applications/0b5e6d1c-7a0f-4c0e-9a57-2f1f1b7f4d11');
    expect(loggedUrl('/r/abcDEF123_-secret')).toBe('/r/[redacted]');
    expect(loggedUrl('/r/abcDEF123_-secret?lang=en')).toBe('/r/[redacted]?lang=[redacted]');
  });
});
