import type { EntityManager } from 'typeorm';
import type { SeatApplication } from './book-exam-seat.js';
import { examApprovalValidity } from './exam-approval-validity.js';

/**
 * The reminders to book a sitting, `approvalExpiry.reminderDaysBefore` days before the approval
 * ends, at 09:00 where the association is; none already past. The reminder sweep sends one only
 * while the application still waits in `exam` with no sitting booked. `now` is the approval's time.
 */
export async function planApprovalReminders(manager: Pick<EntityManager, 'query'>, app: Pick<SeatApplication, 'id' | 'rules'>, now: Date): Promise<void> {
  const exam = app.rules.rules.exam;
  if (!exam) return;
  const timeZone = app.rules.association.timeZone;
  const { validUntil } = examApprovalValidity(now, exam.approvalValidMonths, timeZone);
  await manager.query(
    `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
     SELECT 'exam_approval_reminder', $1::text, $1::uuid, d, due, $4
       FROM unnest($5::int[]) AS d, LATERAL (SELECT (($2::date - d)::timestamp + interval '9 hours') AT TIME ZONE $3 AS due) AS at
      WHERE due > $4`,
    [app.id, validUntil, timeZone, now, exam.approvalExpiry.reminderDaysBefore],
  );
}
