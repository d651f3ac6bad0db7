import { describe, expect, test } from '@jest/globals';
import { percentile, pickByWeight, poissonArrivals, seededRandom, stopReason, summarize } from './load-stats.js';

describe('load benchmark helpers', () => {
  test('percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p95: 3, p99: 3, max: 3 });
  });

  test('Poisson arrivals keep the rate, inside the step, in order, and repeat with the seed', () => {
    const a = poissonArrivals(50, 20_000, seededRandom(7));
    expect(a.length).toBeGreaterThan(900);
    expect(a.length).toBeLessThan(1100);
    expect(a.every((t, i) => t >= 0 && t < 20_000 && (i === 0 || t >= a[i - 1]))).toBe(true);
    expect(poissonArrivals(50, 20_000, seededRandom(7))).toEqual(a);
  });

  test('kinds are picked in proportion to their weights', () => {
    const weights = [
      ['a', 1],
      ['b', 3],
    ] as const;
    expect(pickByWeight(weights, 0)).toBe('a');
    expect(pickByWeight(weights, 0.24)).toBe('a');
    expect(pickByWeight(weights, 0.25)).toBe('b');
    expect(pickByWeight(weights, 0.999)).toBe('b');
  });

  test('the climb stops at an error, a lost or unsent email, or a p99 past the limit', () => {
    const held = { p99Ms: 120, errors: 0, lostEmails: 0, unsentEmails: 0 };
    expect(stopReason(held, 500)).toBeNull();
    expect(stopReason({ ...held, p99Ms: 500 }, 500)).toBeNull();
    expect(stopReason({ ...held, p99Ms: 501 }, 500)).toBe('p99 501 ms passed 500 ms');
    expect(stopReason({ ...held, p99Ms: NaN }, 500)).toMatch(/p99/);
    expect(stopReason({ ...held, errors: 2 }, 500)).toBe('2 request(s) failed');
    expect(stopReason({ ...held, lostEmails: 1 }, 500)).toMatch(/never reached the sink/);
    expect(stopReason({ ...held, unsentEmails: 3 }, 500)).toMatch(/not sent/);
  });
});
