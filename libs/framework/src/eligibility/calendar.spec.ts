import { describe, expect, test } from '@jest/globals';
import { addMonths, coveredMonths, formatDay, monthsBetween, parseDay, todayIn } from './calendar.js';

const day = parseDay;

describe('calendar', () => {
  test('adds months, keeping the day or clamping to the month end', () => {
    expect(formatDay(addMonths(day('2024-06-15'), -24))).toBe('2022-06-15');
    expect(formatDay(addMonths(day('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDay(addMonths(day('2024-03-31'), -13))).toBe('2023-02-28');
  });

  test('counts whole calendar months and the fraction of the next', () => {
    expect(monthsBetween(day('2022-01-01'), day('2024-01-01'))).toBe(24);
    expect(monthsBetween(day('2022-01-15'), day('2024-01-15'))).toBe(24);
    expect(monthsBetween(day('2024-02-01'), day('2024-02-15'))).toBeCloseTo(14 / 29);
    expect(monthsBetween(day('2024-02-01'), day('2024-02-01'))).toBe(0);
  });

  test('counts overlapping intervals once', () => {
    const jan = [day('2024-01-01'), day('2024-02-01')] as const;
    const janToMar = [day('2024-01-15'), day('2024-04-01')] as const;
    expect(coveredMonths([jan, janToMar])).toBe(3);
    expect(coveredMonths([jan, [day('2024-06-01'), day('2024-07-01')]])).toBe(2);
  });

  test("today is the association's local date", () => {
    const now = new Date('2026-06-15T02:00:00Z');
    expect(formatDay(todayIn('Australia/Perth', now))).toBe('2026-06-15');
    expect(formatDay(todayIn('America/Detroit', now))).toBe('2026-06-14');
  });
});
