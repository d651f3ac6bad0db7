import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import type { ExamWindowView } from './exam-window.view.js';
import { ExamProblems } from './exam.problems.js';
import { ExamRepository, type SeatApplication } from './exam.repository.js';
import { addMonthsTo, localDate } from './local-date.js';
import { examApprovalValidity } from './exam-approval-validity.js';

/** Days before the sitting on which a registered candidate is reminded. */
const EXAM_REMINDER_DAYS = [7, 1];

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
@Injectable()
export class BookExamSeat {
  constructor(
    private readonly exams: ExamRepository,
    private readonly reminders: RemindersRepository,
  ) {}

  async executeIn(manager: EntityManager, app: SeatApplication, request: SeatRequest, now: Date): Promise<ExamSeat> {
    const exam = app.rules.rules.exam;
    if (app.state !== 'exam' || !exam) throw ExamProblems.notApprovedToSit(app.state);
    // Expired but not yet swept: say so, rather than ask for a sitting before a day already past.
    const { validUntil, expiresAt } = examApprovalValidity(app.exam_approved_at ?? now, exam.approvalValidMonths, app.rules.association.timeZone);
    if (expiresAt <= now) throw ExamProblems.approvalExpired(validUntil);
    if (!(await this.exams.lockWindow(request.windowId, app.association_code, manager))) throw ExamProblems.windowNotFound();
    const window = await this.exams.findBookableWindow(request.windowId, now, manager);
    const last = await this.exams.findLastAttempt(app.id, manager);
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
    const attempt = await this.exams.insertAttempt(
      {
        applicationId: app.id,
        attemptNo,
        windowId: window.id,
        sitsOn: window.sitsOn,
        registeredBy: request.bookedBy,
        retakeRequest: request.retakeRequest ?? null,
        createdAt: now,
      },
      manager,
    );
    await this.reminders.planBeforeDay('exam_reminder', attempt.id, app.id, window.sitsOn, app.rules.association.timeZone, EXAM_REMINDER_DAYS, now, manager);
    const { open: _open, ...view } = window;
    return { attemptNo, candidateCode: attempt.candidate_code, window: { ...view, seatsLeft: view.seatsLeft - 1 } };
  }
}
