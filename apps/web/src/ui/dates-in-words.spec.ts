import { describe, expect, test } from '@jest/globals';
import { dayInWords, momentDayInWords, momentInWords } from './dates-in-words';

describe('dates in words', () => {
  test('a calendar day is that day wherever the reader is, also when given as the start of a timestamp', () => {
    expect(dayInWords('2027-03-15')).toBe('15 March 2027');
    expect(dayInWords('2027-03-15T23:30:00Z')).toBe('15 March 2027');
  });

  test("a moment is read in the reader's own time, with a two-digit hour", () => {
    const nineFiveLocal = new Date(2027, 2, 15, 9, 5).toISOString();
    expect(momentInWords(nineFiveLocal)).toBe('15 March 2027 at 09:05');
    expect(momentDayInWords(nineFiveLocal)).toBe('15 March 2027');
    expect(momentDayInWords(new Date(2027, 2, 15, 23, 59).toISOString())).toBe('15 March 2027');
  });
});
