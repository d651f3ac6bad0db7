import { Injectable } from '@nestjs/common';
import { Clock } from '#platform';
import type { WorkflowEvent } from '#workflow';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { TransitionConflictError, TransitionRefusedError } from '../transition/transition.errors.js';
import { EXPIRED_APPROVALS_BATCH, ExamRepository, type ExpiredApproval } from './exam.repository.js';

/** The event each `exam.approvalExpiry.action` of the rules fires. */
const EXPIRY_EVENTS: Readonly<Record<ExpiredApproval['action'], WorkflowEvent>> = { deny: 'expire_exam_approval' };

/**
 * Finds the applications approved to sit the exam whose approval ran out (by their pinned rules,
 * on their association's calendar: see examApprovalValidity) with no sitting awaiting its result,
 * and moves each as its rules' `approvalExpiry.action` says, as the system, at the version it read.
 * The transition's guards judge expiry again; a row moved meanwhile (booked, withdrawn, swept by
 * another worker) fails the version guard and is left alone, so each expiry fires once.
 */
@Injectable()
export class SweepExamApprovals {
  constructor(
    private readonly exams: ExamRepository,
    private readonly transition: TransitionApplication,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let moved = 0;
    for (;;) {
      const rows = await this.exams.findExpiredApprovals(this.clock.now(), after);
      for (const row of rows) {
        try {
          await this.transition.execute({
            applicationId: row.id,
            event: EXPIRY_EVENTS[row.action],
            expectedVersion: row.version,
            actor: { id: null, role: 'system' },
          });
          moved += 1;
        } catch (error) {
          if (!(error instanceof TransitionConflictError || error instanceof TransitionRefusedError)) throw error;
        }
      }
      if (rows.length < EXPIRED_APPROVALS_BATCH) return moved;
      after = rows[rows.length - 1].id;
    }
  }
}
