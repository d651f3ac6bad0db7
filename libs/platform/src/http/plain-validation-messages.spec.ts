import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import './plain-validation-messages.js';

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message);

describe('field errors in words a person can act on', () => {
  test.each([
    [z.object({ password: z.string().min(12) }), { password: 'short' }, 'Use at least 12 characters.'],
    [z.object({ name: z.string().min(1) }), { name: '' }, 'This is required.'],
    [z.object({ name: z.string() }), {}, 'This is required.'],
    [z.object({ email: z.email() }), { email: 'not an address' }, 'Enter an email address, like name@example.org.'],
    [z.object({ hours: z.number().max(40) }), { hours: 41 }, 'Must be 40 or less.'],
    [z.object({ hours: z.number() }), { hours: 'ten' }, 'Enter a number.'],
    [z.object({ role: z.enum(['a', 'b']) }), { role: 'c' }, 'Choose one of the options offered.'],
    [z.object({ bio: z.string().max(3) }), { bio: 'long' }, 'Use at most 3 characters.'],
  ])('%#', (schema, value, message) => {
    expect(messages(schema, value)).toEqual([message]);
  });

  test("a schema's own message wins", () => {
    expect(messages(z.string().min(2, 'Give the full name.'), 'a')).toEqual(['Give the full name.']);
  });
});
