import { describe, expect, test } from '@jest/globals';
import { DateTime } from 'luxon';
import { firstDueOn, lapsedIfDueBefore, nextDueOn, renewalCycle } from './renewal-calendar.js';

const MI = {
  dueMonthDay: '12-31',
  lateWindowEndMonthDay: '01-31',
  fee: 30,
  lateFee: 25,
  leadDays: 60,
  reminderDaysBefore: [60, 30, 14, 7, 1],
  lateWindowReminderEveryDays: 7,
};
const iso = (d: Date) => d.toISOString();

describe('renewalCycle (Michigan, America/Detroit, due 31 December)', () => {
  const cycle = renewalCycle('2026-12-31', MI, 'America/Detroit');

  test('opens 60 local days before, at local midnight, across the end of daylight saving', () => {
    // 1 November 2026 is the day clocks fall back: midnight is still EDT (UTC-4).
    expect(iso(cycle.opensAt)).toBe('2026-11-01T04:00:00.000Z');
  });

  test('reminders at 09:00 local on each offset, EDT or EST as the day has it', () => {
    expect(cycle.reminders.filter((r) => !r.late).map((r) => [r.key, iso(r.at)])).toEqual([
      ['before-60', '2026-11-01T14:00:00.000Z'], // after the fall-back: EST, UTC-5
      ['before-30', '2026-12-01T14:00:00.000Z'],
      ['before-14', '2026-12-17T14:00:00.000Z'],
      ['before-7', '2026-12-24T14:00:00.000Z'],
      ['before-1', '2026-12-30T14:00:00.000Z'],
    ]);
  });

  test('late from 1 January, weekly late notices through January, lapse at local midnight on 1 February', () => {
    expect(iso(cycle.lateFrom)).toBe('2027-01-01T05:00:00.000Z');
    expect(cycle.reminders.filter((r) => r.late).map((r) => [r.key, iso(r.at)])).toEqual([
      ['late-1', '2027-01-01T14:00:00.000Z'],
      ['late-2', '2027-01-08T14:00:00.000Z'],
      ['late-3', '2027-01-15T14:00:00.000Z'],
      ['late-4', '2027-01-22T14:00:00.000Z'],
      ['late-5', '2027-01-29T14:00:00.000Z'],
    ]);
    expect(iso(cycle.lapsesAt)).toBe('2027-02-01T05:00:00.000Z');
  });

  test('a late window to 31 March (another association) lapses on 1 April, after spring-forward', () => {
    const c = renewalCycle('2026-12-31', { ...MI, lateWindowEndMonthDay: '03-31' }, 'America/New_York');
    expect(iso(c.lapsesAt)).toBe('2027-04-01T04:00:00.000Z'); // EDT again
    expect(c.reminders.filter((r) => r.late)).toHaveLength(13);
  });
});

describe('other calendars', () => {
  test('Western Australia has no daylight saving: every reminder is 01:00 UTC', () => {
    const c = renewalCycle('2027-06-30', { ...MI, dueMonthDay: '06-30', lateWindowEndMonthDay: '07-31' }, 'Australia/Perth');
    expect(c.reminders.every((r) => r.at.toISOString().endsWith('T01:00:00.000Z'))).toBe(true);
    expect(iso(c.lapsesAt)).toBe('2027-07-31T16:00:00.000Z'); // 1 August 00:00 in Perth
  });

  test('29 February: a due day on it falls back to the 28th in common years, and back in leap years', () => {
    const leap = { ...MI, dueMonthDay: '02-29', lateWindowEndMonthDay: '03-31' };
    expect(nextDueOn('2028-02-29', leap, 'America/Chicago')).toBe('2029-02-28');
    expect(nextDueOn('2031-02-28', leap, 'America/Chicago')).toBe('2032-02-29');
    expect(
      renewalCycle('2028-02-29', leap, 'America/Chicago')
        .reminders.find((r) => r.key === 'before-1')!
        .at.toISOString(),
    ).toBe('2028-02-28T15:00:00.000Z');
  });

  test('the first due day is in the year after endorsement, judged on the local calendar', () => {
    // 31 Dec 2026 23:30 in Detroit is already 2027 in UTC: still endorsed in 2026 locally.
    expect(firstDueOn(new Date('2027-01-01T04:30:00Z'), MI, 'America/Detroit')).toBe('2027-12-31');
    expect(firstDueOn(new Date('2027-01-01T05:30:00Z'), MI, 'America/Detroit')).toBe('2028-12-31');
  });

  test('reminders before the due day are listed longest offset first, without repeats', () => {
    const c = renewalCycle('2026-12-31', { ...MI, reminderDaysBefore: [7, 60, 7, 1] }, 'America/Detroit');
    expect(c.reminders.filter((r) => !r.late).map((r) => r.key)).toEqual(['before-60', 'before-7', 'before-1']);
  });
});

describe("lapsedIfDueBefore (the sweep's range of due days to lapse)", () => {
  test("agrees with the cycle's lapse day for every due day and sweep day tried", () => {
    const calendars = [
      { renewal: MI, zone: 'America/Detroit' },
      { renewal: { ...MI, lateWindowEndMonthDay: '03-31' }, zone: 'Australia/Perth' },
      { renewal: { ...MI, dueMonthDay: '06-30', lateWindowEndMonthDay: '06-30' }, zone: 'America/Chicago' },
    ];
    for (const { renewal, zone } of calendars) {
      for (const dueOn of ['2026-12-31', '2027-01-31', '2027-02-28', '2028-02-29', '2027-06-30', '2027-03-31']) {
        const lapseDay = DateTime.fromJSDate(renewalCycle(dueOn, renewal, zone).lapsesAt, { zone }).toISODate()!;
        for (let d = DateTime.fromISO(dueOn).minus({ days: 3 }); d <= DateTime.fromISO(dueOn).plus({ days: 400 }); d = d.plus({ days: 1 })) {
          const today = d.toISODate()!;
          expect([dueOn, today, dueOn < lapsedIfDueBefore(today, renewal, zone)]).toEqual([dueOn, today, today >= lapseDay]);
        }
      }
    }
  });
});
