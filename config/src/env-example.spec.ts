import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { envSchema } from './env.schema.js';

describe('.env.example', () => {
  test('documents every variable the schema reads, and no other', () => {
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const listed = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(Object.keys(envSchema.shape).sort());
  });
});
