import type { EntityManager } from 'typeorm';
import type { RulesSnapshot } from '#framework';
import type { ApplicationState } from '#workflow';
import { EXAM_WINDOW_COLUMNS, type ExamWindowView } from './exam-window.view.js';
import { ExamProblems } from './exam.problems.js';
import { addMonthsTo, localDate } from './local-date.js';
import { examApprovalValidity } from './exam-approval-validity.js';

/** Days before the sitting on which a registered candidate is reminded. */
const EXAM_REMINDER_DAYS = [7, 1];

/** What booking a seat reads of the application, locked by the caller's transaction. */
export interface SeatApplication {
  id: string;
  state: ApplicationState;
  association_code: string;
  rules: RulesSnapshot;
  exam_approved_at: Date | null;
}

export interface SeatRequest {
  windowId: string;
  /** The written request a retake needs where the rules ask for one. */
  retakeRequest?: string;
  bookedBy: string;
}

/** A registration: the attempt it starts and the code the candidate writes on their papers. */
export interface ExamSeat {
  attemptNo: number;
  candidateCode: string;
  window: ExamWindowView;
}

/**
 * Registers an application approved to sit for a sitting of its association: one registration per
 * attempt, before the deadline, while seats last, within the approval's validity and, for a retake,
 * with the written request and wait its pinned rules ask for. The window row is locked so two
 * registrations cannot take the last seat together. The candidate's reminders are planned with it.
 */
export async function bookExamSeat(manager: EntityManager, app: SeatApplication, request: SeatRequest, now: Date): Promise<ExamSeat> {
  const exam = app.rules.rules.exam;
  if (app.state !== 'exam' || !exam) throw ExamProblems.notApprovedToSit(app.state);
  // Expired but not yet swept: say so, rather than ask for a sitting before a day already past.
  const { validUntil, expiresAt } = examApprovalValidity(app.exam_approved_at ?? now, exam.approvalValidMonths, app.rules.association.timeZone);
  if (expiresAt <= now) throw ExamProblems.approvalExpired(validUntil);
  const locked = await manager.query<unknown[]>(`SELECT id FROM exam_windows WHERE id = $1 AND association_code = $2 FOR UPDATE`, [request.windowId, app.association_code]);
  if (!locked.length) throw ExamProblems.windowNotFound();
  // Counted after the lock, in a statement of its own: its snapshot then sees the seats taken by
  // whoever held the lock before us (a count inside the locking statement would not).
  const [window] = await manager.query<(ExamWindowView & { open: boolean })[]>(`SELECT ${EXAM_WINDOW_COLUMNS}, w.registration_closes_at > $2 AS open FROM exam_windows w WHERE w.id = $1`, [
    request.windowId,
    now,
  ]);
  const [last] = await manager.query<{ attempt_no: number; decided: boolean; sat_on: string | null }[]>(
    `SELECT attempt_no, decided_at IS NOT NULL AS decided, to_char(sat_on, 'YYYY-MM-DD') AS sat_on
       FROM exam_attempts WHERE application_id = $1 ORDER BY attempt_no DESC LIMIT 1`,
    [app.id],
  );
  if (last && !last.decided) throw ExamProblems.alreadyRegistered();
  if (!window.open) throw ExamProblems.registrationClosed();
  if (window.seatsLeft <= 0) throw ExamProblems.windowFull();

  if (window.sitsOn >= validUntil) throw ExamProblems.approvalExpiresFirst(validUntil);
  if (last) {
    if (exam.retake.writtenRequestRequired && !request.retakeRequest) throw ExamProblems.retakeRequestRequired();
    const lastSat = last.sat_on ?? localDate(now, app.rules.association.timeZone);
    const earliest = addMonthsTo(lastSat, exam.retake.waitMonths);
    if (window.sitsOn <= lastSat || window.sitsOn < earliest) throw ExamProblems.retakeTooSoon(lastSat, earliest);
  }

  const attemptNo = (last?.attempt_no ?? 0) + 1;
  const [attempt] = await manager.query<{ id: string; candidate_code: string }[]>(
    `INSERT INTO exam_attempts (application_id, attempt_no, window_id, sat_on, registered_by, retake_request, created_at)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7) RETURNING id, candidate_code`,
    [app.id, attemptNo, window.id, window.sitsOn, request.bookedBy, request.retakeRequest ?? null, now],
  );
  // Reminders a week and a day before, at 09:00 where the association is; none already past.
  await manager.query(
    `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
     SELECT 'exam_reminder', $1::text, $2::uuid, d, due, $5
       FROM unnest($6::int[]) AS d, LATERAL (SELECT (($3::date - d)::timestamp + interval '9 hours') AT TIME ZONE $4 AS due) AS at
      WHERE due > $5`,
    [attempt.id, app.id, window.sitsOn, app.rules.association.timeZone, now, EXAM_REMINDER_DAYS],
  );
  const { open: _open, ...view } = window;
  return { attemptNo, candidateCode: attempt.candidate_code, window: { ...view, seatsLeft: view.seatsLeft - 1 } };
}
