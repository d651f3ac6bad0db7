import type { EntityManager } from 'typeorm';
import type { RemindersRepository } from '../reminders/reminders.repository.js';
import { examApprovalValidity } from './exam-approval-validity.js';
import type { SeatApplication } from './exam.repository.js';

/**
 * The reminders to book a sitting, `approvalExpiry.reminderDaysBefore` days before the approval
 * ends, at 09:00 where the association is; none already past. The reminder sweep sends one only
 * while the application still waits in `exam` with no sitting booked. `now` is the approval's time.
 */
export async function planApprovalReminders(
  reminders: RemindersRepository,
  app: Pick<SeatApplication, 'id' | 'rules'>,
  now: Date,
  manager?: EntityManager,
): Promise<void> {
  const exam = app.rules.rules.exam;
  if (!exam) return;
  const timeZone = app.rules.association.timeZone;
  const { validUntil } = examApprovalValidity(now, exam.approvalValidMonths, timeZone);
  await reminders.planBeforeDay('exam_approval_reminder', app.id, app.id, validUntil, timeZone, exam.approvalExpiry.reminderDaysBefore, now, manager);
}
