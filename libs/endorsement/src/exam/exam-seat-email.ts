import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmailDeliveriesRepository } from '#mail';

/** The email that tells an applicant their seat is booked (day, place, candidate code), recorded in the booking's transaction. */
@Injectable()
export class ExamSeatEmail {
  constructor(private readonly ledger: EmailDeliveriesRepository) {}

  async recordIn(manager: EntityManager, applicationId: string, attemptNo: number, now: Date): Promise<string[]> {
    const [applicant] = await manager.query<{ email: string; full_name: string }[]>(`SELECT p.email, p.full_name FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [
      applicationId,
    ]);
    return this.ledger.record(
      manager,
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
    );
  }
}
