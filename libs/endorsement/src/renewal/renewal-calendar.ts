import { DateTime } from 'luxon';
import type { Association } from '#framework';

/** Reminders go out at this local hour: a civil time for people, not midnight. */
const REMINDER_HOUR = 9;

export interface RenewalReminder {
  /** Unique within a cycle, e.g. `before-30` or `late-2`: with the endorsement and cycle, a reminder row's key. */
  key: string;
  at: Date;
  late: boolean;
}

/** One renewal cycle of an endorsement, as instants computed in the association's time zone. */
export interface RenewalCycle {
  /** The due day, a calendar date in the association's time zone. */
  dueOn: string;
  /** Renewal opens (endorsed → renewal_due): local midnight, `leadDays` before the due day. */
  opensAt: Date;
  /** From here the late fee applies: local midnight after the due day. */
  lateFrom: Date;
  /** The endorsement lapses: local midnight after the last day of the late window. */
  lapsesAt: Date;
  reminders: RenewalReminder[];
}

type Cycle = Association['renewal'];

/**
 * The calendar of one cycle. Days are counted on the local calendar, so daylight-saving changes
 * move the UTC instants, not the local times, and 29 February is an ordinary date.
 */
export function renewalCycle(dueOn: string, renewal: Cycle, timeZone: string): RenewalCycle {
  const due = localDate(dueOn, timeZone);
  const lateFrom = due.plus({ days: 1 });
  const lapsesAt = lateWindowEnd(due, renewal.lateWindowEndMonthDay).plus({ days: 1 });
  const before = [...new Set(renewal.reminderDaysBefore)]
    .sort((a, b) => b - a)
    .map((days) => ({ key: `before-${days}`, at: due.minus({ days }).set({ hour: REMINDER_HOUR }).toJSDate(), late: false }));
  const late: RenewalReminder[] = [];
  for (let n = 1; ; n++) {
    const at = lateFrom.plus({ days: (n - 1) * renewal.lateWindowReminderEveryDays }).set({ hour: REMINDER_HOUR });
    if (at >= lapsesAt) break;
    late.push({ key: `late-${n}`, at: at.toJSDate(), late: true });
  }
  return {
    dueOn,
    opensAt: due.minus({ days: renewal.leadDays }).toJSDate(),
    lateFrom: lateFrom.toJSDate(),
    lapsesAt: lapsesAt.toJSDate(),
    reminders: [...before, ...late],
  };
}

/** The first due day: the association's due day in the year after endorsement (no hours are due before). */
export function firstDueOn(endorsedAt: Date, renewal: Cycle, timeZone: string): string {
  const year = DateTime.fromJSDate(endorsedAt, { zone: timeZone }).year + 1;
  return onMonthDay(year, renewal.dueMonthDay, timeZone).toISODate()!;
}

/** The due day of the cycle after `dueOn`: a year later (29 February falls back to the 28th). */
export function nextDueOn(dueOn: string, renewal: Cycle, timeZone: string): string {
  return onMonthDay(localDate(dueOn, timeZone).year + 1, renewal.dueMonthDay, timeZone).toISODate()!;
}

/**
 * The sweep's bound for lapsing on local day `today`: an endorsement due before the returned day
 * has a late window that ended before `today`. The late window ends on the first late-window
 * month-day after the due day, so that holds exactly when such a month-day lies between the due
 * day and today, i.e. when the due day precedes the last such month-day before today.
 */
export function lapsedIfDueBefore(today: string, renewal: Cycle, timeZone: string): string {
  const day = localDate(today, timeZone);
  const thisYear = onMonthDay(day.year, renewal.lateWindowEndMonthDay, timeZone);
  return (thisYear < day ? thisYear : onMonthDay(day.year - 1, renewal.lateWindowEndMonthDay, timeZone)).toISODate()!;
}

function localDate(isoDate: string, timeZone: string): DateTime {
  const d = DateTime.fromISO(isoDate, { zone: timeZone });
  if (!d.isValid) throw new Error(`not a date: ${isoDate}`);
  return d.startOf('day');
}

function onMonthDay(year: number, monthDay: string, timeZone: string): DateTime {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: timeZone });
  return first.set({ day: Math.min(day, first.daysInMonth!) });
}

/** The late window's last day: the first such month-day after the due day (e.g. 31 Dec → 31 Jan next year). */
function lateWindowEnd(due: DateTime, monthDay: string): DateTime {
  const sameYear = onMonthDay(due.year, monthDay, due.zoneName!);
  return sameYear > due ? sameYear : onMonthDay(due.year + 1, monthDay, due.zoneName!);
}

/**
 * Names a renewal cycle: a person's endorsements in one association with one due day renew once, so
 * they share the cycle's reminders and emails (keys of reminder rows and email deliveries).
 */
export function renewalCycleKey(personId: string, associationCode: string, dueOn: string): string {
  return `${personId}-${associationCode}-${dueOn}`;
}
