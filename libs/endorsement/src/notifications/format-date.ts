import { DateTime } from 'luxon';

/** "31 December 2026" in the association's time zone: unambiguous for every member association. */
export function formatDate(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale('en-GB').toLocaleString(DateTime.DATE_FULL);
}

/** A calendar date (YYYY-MM-DD) written as formatDate writes it; noon UTC is that same day in every member association's zone. */
export function formatCalendarDate(date: string, timeZone: string): string {
  return formatDate(new Date(`${date}T12:00:00Z`), timeZone);
}
