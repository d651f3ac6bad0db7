import { describe, expect, test } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { ProblemException } from './problem.exception.js';
import { findUnstorableText, UnstorableTextGuard } from './unstorable-text.guard.js';

const at = (input: unknown) => findUnstorableText(input).map((f) => f.path.join('.'));

describe('findUnstorableText', () => {
  test('NUL and unpaired surrogates, high or low, in values at any depth and in keys', () => {
    expect(at({ a: 'x\u0000', b: ['ok', 'y\ud800'], c: { d: '\udc00z' }, 'e\u0000': 'fine' })).toEqual(['e\u0000', 'a', 'b.1', 'c.d']);
  });

  test('paired surrogates (emoji), U+FFFD and other text pass; numbers, booleans and null are not text', () => {
    expect(at({ a: '😀 \uFFFD é', b: [1, true, null], c: 'Line\r\n\ttab' })).toEqual([]);
    expect(at(undefined)).toEqual([]);
  });

  test('a body nested far deeper than the call stack is walked, not overflowed', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)[0].path).toHaveLength(200_000);
  });

  test('at most 50 places are reported', () => {
    expect(findUnstorableText(Array.from({ length: 1_000 }, () => '\u0000'))).toHaveLength(50);
  });
});

describe('UnstorableTextGuard', () => {
  const contextOf = (req: object) => ({ getType: () => 'http', switchToHttp: () => ({ getRequest: () => req }) }) as unknown as ExecutionContext;

  test('refuses with 400 validation_failed naming the parameter, query field or body field', () => {
    let thrown: unknown;
    try {
      new UnstorableTextGuard().canActivate(contextOf({ params: { token: '\u0000' }, query: { q: 'a' }, body: { sections: [{ title: '\ud800' }] } }));
    } catch (problem) {
      thrown = problem;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).code).toBe('validation_failed');
    expect((thrown as ProblemException).extra.errors).toEqual([
      { field: 'token', message: 'must not contain a NUL character or an unpaired surrogate' },
      { field: 'sections.0.title', message: 'must not contain a NUL character or an unpaired surrogate' },
    ]);
  });

  test('lets clean requests through', () => {
    expect(new UnstorableTextGuard().canActivate(contextOf({ params: {}, query: { q: 'Ann Arbor' }, body: { comments: 'Kind 😀' } }))).toBe(true);
  });
});
