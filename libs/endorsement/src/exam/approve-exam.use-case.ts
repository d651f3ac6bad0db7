import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { OutboxNotifier } from '#db';
import { Clock } from '#platform';
import { staffRole } from '../staff/staff-scope.js';
import { StaffQueueRepository } from '../staff/staff-queue.repository.js';
import { transitionProblem } from '../staff/transition-problem.js';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { BookExamSeat, type ExamSeat } from './book-exam-seat.js';
import { EmailHandover } from '../notifications/email-handover.js';
import { ExamSeatEmail } from './exam-seat-email.js';
import { ExamRepository } from './exam.repository.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { planApprovalReminders } from './plan-approval-reminders.js';

export interface ApproveExamCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  /** From If-Match: the version the caller acted on. */
  expectedVersion: number;
  /** Books the applicant a seat at this sitting as well. */
  windowId?: string;
}

export interface ApproveExamResult {
  applicationId: string;
  state: string;
  version: number;
  examApprovedAt: Date;
  seat: ExamSeat | null;
}

/**
 * Staff approve an applicant to sit the exam: the transition, the approval's date (the retake
 * deadline and the approval's validity run from it) and, when asked, a seat (its email recorded
 * too), in one transaction.
 */
@Injectable()
export class ApproveExam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staffQueue: StaffQueueRepository,
    private readonly exams: ExamRepository,
    private readonly reminders: RemindersRepository,
    private readonly bookSeat: BookExamSeat,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly seatEmail: ExamSeatEmail,
    private readonly emails: EmailHandover,
    private readonly clock: Clock,
  ) {}

  async execute(command: ApproveExamCommand): Promise<ApproveExamResult> {
    const { caller, applicationId } = command;
    const { result, deliveryIds } = await this.dataSource
      .transaction(async (manager) => {
        await this.staffQueue.findStaffApplication(caller, applicationId, manager);
        const moved = await this.transition.executeIn(manager, {
          applicationId,
          event: 'approve_exam',
          actor: { id: caller.id, role: staffRole(caller) },
          expectedVersion: command.expectedVersion,
        });
        const now = this.clock.now();
        const app = await this.exams.markApprovedToSit(applicationId, now, manager);
        await planApprovalReminders(this.reminders, app, now, manager);
        const seat = command.windowId ? await this.bookSeat.executeIn(manager, app, { windowId: command.windowId, bookedBy: caller.id }, now) : null;
        const deliveryIds = seat ? await this.seatEmail.recordIn(manager, applicationId, seat.attemptNo, now) : [];
        return { result: { applicationId, state: moved.to, version: moved.version, examApprovedAt: now, seat }, deliveryIds };
      })
      .catch((error: unknown) => {
        throw transitionProblem(error);
      });
    this.outbox.poke();
    await this.emails.send(deliveryIds);
    return result;
  }
}
