import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { validationProblem } from './validation-problem.js';

const schema = z.strictObject({ email: z.email(), roles: z.array(z.enum(['a', 'b'])), name: z.string().max(3) });

async function problemFor(input: unknown) {
  const result = await schema['~standard'].validate(input);
  if (!('issues' in result) || !result.issues) throw new Error('expected issues');
  return validationProblem(result.issues);
}

describe('validationProblem', () => {
  test('400 validation_failed listing each field with its message; unknown fields one by one', async () => {
    const problem = await problemFor({ email: 'nope', roles: ['a', 'c'], name: 'long', extra: 1, more: 2 });
    expect(problem.httpStatus).toBe(400);
    expect(problem.code).toBe('validation_failed');
    const errors = problem.extra.errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['email', 'extra', 'more', 'name', 'roles.1']);
    expect(errors.find((e) => e.field === 'extra')?.message).toBe('is not a known field');
    expect(problem.detail).toContain('roles.1: ');
  });

  test('input that is not an object is named (root)', async () => {
    const problem = await problemFor('a string');
    expect(problem.extra.errors).toEqual([{ field: '(root)', message: expect.any(String) }]);
  });

  test('the list is bounded', async () => {
    const many = z.array(z.number());
    const result = await many['~standard'].validate(Array.from({ length: 500 }, () => 'x'));
    const problem = validationProblem((result as { issues: readonly { message: string; path?: readonly PropertyKey[] }[] }).issues);
    expect((problem.extra.errors as unknown[]).length).toBe(50);
  });
});
