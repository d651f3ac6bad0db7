import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmailLedger } from '#mail';
import { JobQueues } from '#queue';

/**
 * The email that tells an applicant their seat is booked (day, place, candidate code): recorded in
 * the booking's transaction, handed to the queue after its commit.
 */
@Injectable()
export class ExamSeatEmail {
  private readonly logger = new Logger('ExamSeatEmail');

  constructor(
    private readonly ledger: EmailLedger,
    private readonly jobs: JobQueues,
  ) {}

  async recordIn(manager: EntityManager, applicationId: string, attemptNo: number, now: Date): Promise<string[]> {
    const [applicant] = (await manager.query(`SELECT p.email, p.full_name FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [
      applicationId,
    ])) as { email: string; full_name: string }[];
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

  /** The seat is booked: a Redis hiccup must not undo that; the relay hands the ledger row over again. */
  async send(deliveryIds: string[]): Promise<void> {
    await this.jobs.addBulk('sendEmail', deliveryIds.map((deliveryId) => ({ deliveryId }))).catch((e: Error) => this.logger.warn(`enqueue after booking failed, left to the relay: ${e.message}`));
  }
}
