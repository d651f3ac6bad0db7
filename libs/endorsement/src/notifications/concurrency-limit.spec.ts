import { describe, expect, test } from '@jest/globals';
import { ConcurrencyLimit } from './concurrency-limit.js';

describe('ConcurrencyLimit', () => {
  test('never runs more than its limit at once, starts callers in arrival order, and frees the slot of a failed call', async () => {
    const limit = new ConcurrencyLimit(3);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        limit.run(async () => {
          started.push(i);
          peak = Math.max(peak, ++active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          if (i === 4) throw new Error('smtp said no');
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await limit.run(async () => 'still usable')).toBe('still usable');
  });
});
