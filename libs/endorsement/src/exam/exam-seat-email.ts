import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmailDeliveriesRepository } from '#mail';
import { ExamRepository } from './exam.repository.js';

/** The email that tells an applicant their seat is booked (day, place, candidate code), recorded in the booking's transaction. */
@Injectable()
export class ExamSeatEmail {
  constructor(
    private readonly ledger: EmailDeliveriesRepository,
    private readonly exams: ExamRepository,
  ) {}

  async recordIn(manager: EntityManager, applicationId: string, attemptNo: number, now: Date): Promise<string[]> {
    const applicant = await this.exams.findApplicant(applicationId, manager);
    return this.ledger.record(
      [
        {
          businessKey: `exam-${applicationId}-attempt-${attemptNo}-registered`,
          applicationId,
          template: 'exam_registered',
          recipientKind: 'applicant',
          recipientEmail: applicant.email,
          recipientName: applicant.full_name,
          context: { attemptNo },
        },
      ],
      now,
      manager,
    );
  }
}
