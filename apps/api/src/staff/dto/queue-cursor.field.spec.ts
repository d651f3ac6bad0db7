import { describe, expect, test } from '@jest/globals';
import { encodeKeysetCursor } from '#endorsement';
import { queueCursorField } from './queue-cursor.field.js';

const ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

describe('the staff queue cursor', () => {
  test('a cursor the listing issued gives back its key', () => {
    expect(queueCursorField.parse(encodeKeysetCursor(['2026-11-22T10:30:01.123456Z', ID]))).toEqual({ waitingSince: '2026-11-22T10:30:01.123456Z', id: ID });
  });

  test('anything else is refused before it reaches PostgreSQL', () => {
    const forged = [
      'not base64 json',
      encodeKeysetCursor(['2026-02-30T00:00:00.000000Z', ID]), // no such day
      encodeKeysetCursor(['2026-11-22 10:30:01', ID]), // not the form we write
      encodeKeysetCursor(['2026-11-22T10:30:01.123456Z', 'not-a-uuid']),
      encodeKeysetCursor(['2026-11-22T10:30:01.123456Z']),
      Buffer.from(JSON.stringify({ at: 1 })).toString('base64url'),
      'x'.repeat(201),
    ];
    for (const cursor of forged) expect(queueCursorField.safeParse(cursor).success).toBe(false);
  });
});
