import { describe, expect, test } from '@jest/globals';
import { advanceCursor, type RelayCursor } from './relay-cursor.js';

const at = (through: number, gaps: [number, number][] = []): RelayCursor => ({
  through: BigInt(through),
  gaps: new Map(gaps.map(([id, since]) => [BigInt(id), since])),
});
const ids = (...n: number[]) => n.map(BigInt);
const gapsOf = (c: RelayCursor) => [...c.gaps.keys()].map(Number).sort((a, b) => a - b);

describe('advanceCursor', () => {
  test('contiguous rows move the cursor to the last one and leave no gaps', () => {
    const next = advanceCursor(at(10), ids(11, 12, 13), 1_000, 60_000);
    expect(next.through).toBe(13n);
    expect(gapsOf(next)).toEqual([]);
  });

  test('ids skipped on the way become gaps, noticed now', () => {
    const next = advanceCursor(at(10), ids(12, 15), 1_000, 60_000);
    expect(next.through).toBe(15n);
    expect(gapsOf(next)).toEqual([11, 13, 14]);
    expect(next.gaps.get(13n)).toBe(1_000);
  });

  test('a gap that appears is closed and the others stay', () => {
    const next = advanceCursor(
      at(15, [
        [11, 500],
        [13, 500],
      ]),
      ids(13, 16),
      1_000,
      60_000,
    );
    expect(next.through).toBe(16n);
    expect(gapsOf(next)).toEqual([11]);
  });

  test('nothing read leaves the cursor where it was', () => {
    const cursor = at(7, [[5, 0]]);
    expect(advanceCursor(cursor, [], 10, 60_000)).toEqual(cursor);
  });

  test('gaps older than the keeping time are dropped', () => {
    const next = advanceCursor(
      at(20, [
        [11, 0],
        [18, 50_000],
      ]),
      ids(21),
      61_000,
      60_000,
    );
    expect(gapsOf(next)).toEqual([18]);
  });

  test('a jump in the sequence tracks at most 10,000 gaps', () => {
    const next = advanceCursor(at(0), ids(1_000_000), 0, 60_000);
    expect(next.through).toBe(1_000_000n);
    expect(next.gaps.size).toBe(10_000);
  });

  test('the cursor given is not changed', () => {
    const cursor = at(3, [[2, 0]]);
    advanceCursor(cursor, ids(2, 5), 1, 60_000);
    expect(cursor.through).toBe(3n);
    expect(gapsOf(cursor)).toEqual([2]);
  });
});
