import { DateTime } from 'luxon';
import { addMonthsTo, localDate } from './local-date.js';

export interface ExamApprovalValidity {
  /** The first day (YYYY-MM-DD, where the association is) on which the approval no longer holds: a sitting must be before it. */
  validUntil: string;
  /** The start of that day: the approval has expired from this instant on. */
  expiresAt: Date;
}

/**
 * How long an approval to sit the exam holds: `months` after the day it was given, counted in the
 * association's calendar. Booking, the guards, the sweep, the reminders and the emails all read this.
 */
export function examApprovalValidity(approvedAt: Date, months: number, timeZone: string): ExamApprovalValidity {
  const validUntil = addMonthsTo(localDate(approvedAt, timeZone), months);
  return { validUntil, expiresAt: DateTime.fromISO(validUntil, { zone: timeZone }).toJSDate() };
}
