import { describe, expect, jest, test } from '@jest/globals';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  test('writes the first item at once and all that came during a write in the next one, never two writes at a time', async () => {
    const writes: number[][] = [];
    let active = 0;
    let peak = 0;
    let release!: () => void;
    const commit = new GroupCommit<number>(async (items) => {
      writes.push(items);
      peak = Math.max(peak, ++active);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
      active--;
    });
    const first = commit.add(1);
    const later = [2, 3, 4].map((n) => commit.add(n));
    expect(writes).toEqual([[1]]); // the others wait for the write in progress
    release();
    await Promise.all([first, ...later]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    expect(peak).toBe(1);
  });

  test('a failed write fails the items it held, and the next items are written anew', async () => {
    let fail = true;
    const written: string[] = [];
    const commit = new GroupCommit<string>(async (items) => {
      if (fail) throw new Error('connection terminated');
      written.push(...items);
    });
    await expect(commit.add('a')).rejects.toThrow('connection terminated');
    fail = false;
    await commit.add('b');
    expect(written).toEqual(['b']);
  });

  test('with a gathering time, the items added meanwhile share the first write', async () => {
    jest.useFakeTimers();
    try {
      const writes: number[][] = [];
      const commit = new GroupCommit<number>(async (items) => void writes.push(items), 10);
      const added = [1, 2, 3].map((n) => commit.add(n));
      jest.advanceTimersByTime(9);
      expect(writes).toEqual([]);
      jest.advanceTimersByTime(1);
      await Promise.all(added);
      expect(writes).toEqual([[1, 2, 3]]);
    } finally {
      jest.useRealTimers();
    }
  });
});
