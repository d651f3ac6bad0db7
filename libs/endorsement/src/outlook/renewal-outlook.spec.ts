import { describe, expect, test } from '@jest/globals';
import type { Association } from '#framework';
import { renewalSteps } from './renewal-outlook.js';

const MI = {
  code: 'MI-AIMH',
  timeZone: 'America/Detroit',
  renewal: {
    dueMonthDay: '12-31',
    lateWindowEndMonthDay: '01-31',
    fee: 30,
    lateFee: 25,
    leadDays: 60,
    reminderDaysBefore: [60, 30, 14, 7, 1],
    lateWindowReminderEveryDays: 7,
  },
} as unknown as Association;
const at = (iso: string) => new Date(iso);
const steps = (group: Parameters<typeof renewalSteps>[0], now: string, until: string) =>
  renewalSteps(group, MI, at(now), at(until)).map((s) => [s.kind, s.at.toISOString(), s.count]);

describe('renewalSteps: what a group of endorsements will do in a window', () => {
  test('an endorsed group opens at local midnight and gets the reminders of its cycle that fall in the window', () => {
    expect(steps({ state: 'endorsed', dueOn: '2026-12-31', count: 3 }, '2026-10-25T12:00:00Z', '2026-12-02T05:00:00Z')).toEqual([
      ['open_renewal', '2026-11-01T04:00:00.000Z', 3],
      ['renewal_reminder', '2026-11-01T14:00:00.000Z', 3], // 60 days before, 09:00 EST
      ['renewal_reminder', '2026-12-01T14:00:00.000Z', 3], // 30 days before
    ]);
  });

  test('an opening already past happens at the next sweep (now), without the reminders already past', () => {
    expect(steps({ state: 'endorsed', dueOn: '2026-12-31', count: 1 }, '2026-11-20T12:00:00Z', '2026-12-02T05:00:00Z')).toEqual([
      ['open_renewal', '2026-11-20T12:00:00.000Z', 1],
      ['renewal_reminder', '2026-12-01T14:00:00.000Z', 1],
    ]);
  });

  test('a group already due lapses at local midnight after the late window, not before', () => {
    const group = { state: 'renewal_due' as const, dueOn: '2026-12-31', count: 2 };
    expect(steps(group, '2027-01-20T12:00:00Z', '2027-02-01T05:00:00Z')).toEqual([]);
    expect(steps(group, '2027-01-20T12:00:00Z', '2027-02-02T05:00:00Z')).toEqual([['lapse', '2027-02-01T05:00:00.000Z', 2]]);
  });

  test('nothing beyond the window', () => {
    expect(steps({ state: 'endorsed', dueOn: '2027-12-31', count: 5 }, '2026-10-25T12:00:00Z', '2026-12-02T05:00:00Z')).toEqual([]);
  });
});
