import { describe, expect, test } from '@jest/globals';
import { ProblemException } from '#platform';
import { expectedVersion, versionTag } from './if-match.js';

const problemOf = (header: string | undefined) => {
  try {
    expectedVersion(header);
  } catch (error) {
    return error as ProblemException;
  }
  throw new Error('expected a problem');
};

describe('If-Match on staff transitions', () => {
  test('our ETag, or a bare number, names the version', () => {
    expect(expectedVersion(versionTag(12))).toBe(12);
    expect(expectedVersion('3')).toBe(3);
    expect(expectedVersion(' "0" ')).toBe(0);
  });

  test('missing or empty: 428 version_required', () => {
    for (const header of [undefined, '', '  ']) expect(problemOf(header)).toMatchObject({ httpStatus: 428, code: 'version_required' });
  });

  test('a weak tag, a list, a wildcard or anything else: 400 naming If-Match', () => {
    for (const header of ['W/"3"', '"1", "2"', '*', 'abc', '-1', '1.5', '12345678901']) {
      expect(problemOf(header)).toMatchObject({ httpStatus: 400, code: 'validation_failed', extra: { errors: [{ field: 'If-Match' }] } });
    }
  });
});
