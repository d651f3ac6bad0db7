import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { EmailLedger, MAIL_TRANSPORT, renderEmail, isEmailTemplateName, type DeliveryRow, type MailTransport } from '#mail';
import { Clock } from '#platform';
import { JobQueues, PermanentJobError } from '#queue';
import { EmailModelBuilder } from './email-model.builder.js';
import { isPermanentSmtpFailure, smtpAnswer } from './smtp-failure.js';

/** Another worker holds a fresh claim on the delivery: try again later. */
export class DeliveryBusyError extends Error {}

/**
 * Sends one ledger row. Sent or failed rows are left alone, so a job run twice sends once (unless a
 * worker died between the SMTP answer and recording it). A permanent rejection stops retries and is
 * recorded; a rejected rater address is told to the applicant at once.
 */
@Injectable()
export class SendEmail {
  private readonly logger = new Logger('SendEmail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: EmailLedger,
    private readonly models: EmailModelBuilder,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(deliveryId: string): Promise<void> {
    const delivery = await this.ledger.claim(deliveryId, this.clock.now());
    if (delivery === 'done') return;
    if (delivery === 'busy') throw new DeliveryBusyError(`delivery ${deliveryId} is being sent by another worker`);
    if (!isEmailTemplateName(delivery.template)) return this.fail(delivery, `unknown template ${delivery.template}`, null);

    let message;
    try {
      message = renderEmail(delivery.template, await this.models.build(delivery, this.clock.now()));
    } catch (error) {
      await this.ledger.release(delivery.id, (error as Error).message, this.clock.now());
      throw error;
    }
    try {
      const info = await this.transport.sendMail({
        from: this.config.smtp.from,
        to: { name: delivery.recipient_name, address: delivery.recipient_email },
        subject: message.subject,
        html: message.html,
        text: message.text,
        // Operators trace a message from the mailbox back to its ledger row; no personal data here.
        headers: { 'X-Delivery-Id': delivery.id, 'X-Template': delivery.template },
      });
      await this.ledger.markSent(delivery.id, { messageId: info.messageId, response: String(info.response ?? '') }, this.clock.now());
    } catch (error) {
      const reason = (error as Error).message;
      if (!isPermanentSmtpFailure(error)) {
        await this.ledger.release(delivery.id, reason, this.clock.now());
        throw error;
      }
      await this.fail(delivery, reason, smtpAnswer(error));
    }
  }

  /** BullMQ gave up retrying a transient failure: record it where staff see it. */
  async giveUp(deliveryId: string, reason: string): Promise<void> {
    await this.ledger.markFailed(this.dataSource.manager, deliveryId, `gave up after retries: ${reason}`, null, this.clock.now());
  }

  private async fail(delivery: DeliveryRow, reason: string, answer: string | null): Promise<never> {
    const now = this.clock.now();
    const notices = await this.dataSource.transaction(async (manager) => {
      await this.ledger.markFailed(manager, delivery.id, reason, answer, now);
      if (delivery.recipient_kind !== 'rater' || !delivery.reference_id) return [];
      // The portal failure users complain about most: tell the applicant now, not after weeks of silence.
      await manager.query(`UPDATE application_references SET status = 'bounced' WHERE id = $1 AND status = 'requested'`, [delivery.reference_id]);
      await manager.query(`UPDATE reminders SET status = 'cancelled' WHERE reference_id = $1 AND status = 'pending'`, [delivery.reference_id]);
      const [applicant] = (await manager.query(
        `SELECT p.email, p.full_name FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`,
        [delivery.application_id],
      )) as { email: string; full_name: string }[];
      return this.ledger.record(
        manager,
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
      );
    });
    await this.jobs.addBulk('sendEmail', notices.map((deliveryId) => ({ deliveryId })));
    this.logger.warn(`delivery ${delivery.id} (${delivery.template}) failed permanently`);
    throw new PermanentJobError(`delivery ${delivery.id} rejected: ${reason}`);
  }
}
