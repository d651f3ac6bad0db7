import { DateTime } from 'luxon';

// Dates are whole days (days since 1970-01-01, UTC): portfolios store ISO dates without times.
const MS_PER_DAY = 86_400_000;

export function parseDay(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today's date where the association is, so "the last 24 months" ends on the applicant's today. */
export function todayIn(timeZone: string, now: Date): number {
  return parseDay(DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!);
}

/** The same day of the month `months` later (or earlier), clamped to the month's last day. */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const target = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), target + 1, 0)).getUTCDate();
  return Date.UTC(date.getUTCFullYear(), target, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/** Calendar months from `start` up to (not including) `end`: whole months plus the fraction of the next. */
export function monthsBetween(start: number, end: number): number {
  if (end <= start) return 0;
  const from = new Date(start * MS_PER_DAY);
  const to = new Date(end * MS_PER_DAY);
  let whole = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  if (addMonths(start, whole) > end) whole -= 1;
  const monthStart = addMonths(start, whole);
  return whole + (end - monthStart) / (addMonths(start, whole + 1) - monthStart);
}

/** Months covered by day intervals [start, end), counting overlaps once. */
export function coveredMonths(intervals: readonly (readonly [number, number])[]): number {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const [start, end] of sorted) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
    } else {
      if (current) total += monthsBetween(...current);
      current = [start, end];
    }
  }
  return current ? total + monthsBetween(...current) : total;
}
