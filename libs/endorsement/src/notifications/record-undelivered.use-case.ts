import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EmailDeliveriesRepository, type DeliveryRow, type Undelivered } from '#mail';
import { Clock } from '#platform';
import { JobQueues } from '#queue';
import { ReferencesRepository } from '../references/references.repository.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { EmailModelsRepository } from './email-models.repository.js';

/** The ledger row fields the outcome acts on. */
export type UndeliveredRow = Pick<DeliveryRow, 'id' | 'application_id' | 'reference_id' | 'recipient_kind' | 'template'>;

/**
 * The one path for a message that will not arrive, however we learn it: a 5xx while sending, an
 * address on the suppression list, a bounce or abuse report received later (VERP receiver, provider
 * webhooks). The row is recorded (staff see it, and the application's failed-email flag); for a
 * rater the reference is marked bounced, its reminders stop and the applicant is asked for another
 * address at once. Recording the same outcome twice changes nothing the second time.
 */
@Injectable()
export class RecordUndelivered {
  private readonly logger = new Logger('RecordUndelivered');

  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferencesRepository,
    private readonly reminders: RemindersRepository,
    private readonly emailModels: EmailModelsRepository,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
  ) {}

  /** Returns false when the row had already ended this way (or was never sent, for a bounce). */
  async execute(delivery: UndeliveredRow, outcome: Undelivered): Promise<boolean> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (manager) => {
      if (!(await this.ledger.markUndelivered(delivery.id, outcome, now, manager))) return null;
      return this.tellApplicant(manager, delivery, now);
    });
    if (!result) return false;
    await this.jobs.addBulk(
      'sendEmail',
      result.map((deliveryId) => ({ deliveryId })),
    );
    this.logger.warn(`delivery ${delivery.id} (${delivery.template}) ${outcome.status}`);
    return true;
  }

  // The portal failure users complain about most: tell the applicant now, not after weeks of silence.
  private async tellApplicant(manager: EntityManager, delivery: UndeliveredRow, now: Date): Promise<string[]> {
    if (delivery.recipient_kind !== 'rater' || !delivery.reference_id) return [];
    await this.references.markBounced(delivery.reference_id, manager);
    await this.reminders.cancelPendingForReference(delivery.reference_id, manager);
    // A rater's message is always about an application.
    const applicant = await this.emailModels.applicantOf(delivery.application_id!, manager);
    return this.ledger.record(
      [
        {
          businessKey: `bounce-${delivery.id}-applicant`,
          applicationId: delivery.application_id,
          referenceId: delivery.reference_id,
          template: 'rater_email_rejected',
          recipientKind: 'applicant',
          recipientEmail: applicant.email,
          recipientName: applicant.full_name,
        },
      ],
      now,
      manager,
    );
  }
}
