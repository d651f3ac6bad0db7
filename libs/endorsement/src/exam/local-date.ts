import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone: "today" where the association is. */
export function localDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}

/** The same day `months` later (YYYY-MM-DD), clamped to the last day of a shorter month. */
export function addMonthsTo(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate()!;
}
