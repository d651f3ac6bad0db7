import { describe, expect, test } from '@jest/globals';
import { addMonthsTo, localDate } from './local-date.js';

describe('exam calendar dates', () => {
  test('today is the date where the association is', () => {
    const at = new Date('2027-03-01T03:00:00Z');
    expect(localDate(at, 'America/New_York')).toBe('2027-02-28');
    expect(localDate(at, 'Australia/Perth')).toBe('2027-03-01');
  });

  test('months later, clamped to a shorter month', () => {
    expect(addMonthsTo('2026-11-22', 12)).toBe('2027-11-22');
    expect(addMonthsTo('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsTo('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsTo('2027-09-15', 0)).toBe('2027-09-15');
  });
});
