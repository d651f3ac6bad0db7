import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { EmailLedger, MAIL_TRANSPORT, STALE_CLAIM_MS, deliveryMessageId, renderEmail, isEmailTemplateName, senderDomain, type DeliveryRow, type EmailModel, type MailTransport, type SentMark } from '#mail';
import { Clock } from '#platform';
import { JobQueues, PermanentJobError } from '#queue';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { EmailModelBuilder } from './email-model.builder.js';
import { GroupCommit } from './group-commit.js';
import { isPermanentSmtpFailure, smtpAnswer } from './smtp-failure.js';

// How long the first 250 waits for others to share its mark: one statement per 250 cost ~10% of
// bench:mail; 10 ms gathers a slice's answers and keeps the window in which a crash re-sends short.
const MARK_GATHER_MS = 10;

/** Another worker holds a fresh claim on the delivery: try again later. */
export class DeliveryBusyError extends Error {}

/**
 * Sends ledger rows. Sent or failed rows are left alone, so a job run twice sends once (unless a
 * worker died between the SMTP answer and recording it: then the message goes again, with the
 * Message-ID of its first send). Each 250 is recorded as soon as it arrives, grouped with the others
 * that arrived meanwhile (one statement in flight per process), so that window is about 10 ms and one
 * statement long.
 * A permanent rejection stops retries and is recorded; a rejected rater address is told to the
 * applicant at once. However many jobs run, at most MAIL_CONCURRENCY messages are with the SMTP pool
 * at once per process: enough to keep its connections busy, few enough that a crash re-sends little.
 */
@Injectable()
export class SendEmail {
  private readonly logger = new Logger('SendEmail');
  private readonly inFlight: ConcurrencyLimit;
  private readonly sentMarks = new GroupCommit<SentMark>((marks) => this.ledger.markSent(marks, this.clock.now()), MARK_GATHER_MS);
  private readonly messageIdDomain: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: EmailLedger,
    private readonly models: EmailModelBuilder,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.inFlight = new ConcurrencyLimit(config.pipeline.mailConcurrency);
    this.messageIdDomain = senderDomain(config.smtp.from);
  }

  /** One delivery, as the mail queue's job: throws so that BullMQ retries it, or stops (PermanentJobError). */
  async execute(deliveryId: string): Promise<void> {
    const delivery = await this.ledger.claim(deliveryId, this.clock.now());
    if (delivery === 'done') return;
    if (delivery === 'busy') throw new DeliveryBusyError(`delivery ${deliveryId} is being sent by another worker`);
    const [error] = await this.sendClaimed([delivery]);
    if (error) throw error;
  }

  /**
   * Many deliveries at once: claimed, modelled (one query) and sent side by side a slice at a time,
   * each marked sent as its 250 arrives. A slice is as many as may be in flight, so that after a crash
   * only those wait out the stale-claim window. Returns the ids still to send (transient failures, rows
   * it could not claim) for the caller to hand to the mail queue, whose job re-checks the ledger.
   */
  async executeMany(deliveryIds: readonly string[]): Promise<string[]> {
    const retry: string[] = [];
    const slice = this.config.pipeline.mailConcurrency;
    for (let i = 0; i < deliveryIds.length; i += slice) {
      const ids = deliveryIds.slice(i, i + slice);
      const claimed = await this.ledger.claimMany(ids, this.clock.now());
      const errors = await this.sendClaimed(claimed);
      const taken = new Set(claimed.map((d) => d.id));
      retry.push(...ids.filter((id) => !taken.has(id)));
      retry.push(...claimed.filter((_, j) => errors[j] && !(errors[j] instanceof PermanentJobError)).map((d) => d.id));
    }
    return retry;
  }

  /** For each claimed row: null once sent, a PermanentJobError once recorded as failed, or the transient error it was released with. */
  private async sendClaimed(deliveries: DeliveryRow[]): Promise<(Error | null)[]> {
    if (!deliveries.length) return [];
    const claimedAt = performance.now();
    let models;
    try {
      models = await this.models.buildMany(deliveries, this.clock.now());
    } catch (error) {
      await Promise.all(deliveries.map((d) => this.release(d, error as Error)));
      throw error;
    }
    return Promise.all(deliveries.map((d, i) => this.sendOne(d, models[i], claimedAt)));
  }

  /** Null once sent and marked, a PermanentJobError once recorded as failed, or the transient error it was released with. */
  private async sendOne(delivery: DeliveryRow, model: EmailModel | Error, claimedAt: number): Promise<Error | null> {
    if (!isEmailTemplateName(delivery.template)) return this.fail(delivery, `unknown template ${delivery.template}`, null);
    const template = delivery.template;
    const messageId = deliveryMessageId(delivery, this.messageIdDomain);
    let response: string;
    try {
      if (model instanceof Error) throw model;
      const info = await this.inFlight.run(() => {
        // Past half the stale window another worker may take the row over: give it back rather than race that worker.
        if (performance.now() - claimedAt > STALE_CLAIM_MS / 2) throw new Error('claim held too long waiting for an SMTP connection');
        // Rendered in its turn, so that a batch's first message leaves before its last is rendered.
        const message = renderEmail(template, model);
        return this.transport.sendMail({
          from: this.config.smtp.from,
          to: { name: delivery.recipient_name, address: delivery.recipient_email },
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId,
          // Operators trace a message from the mailbox back to its ledger row; no personal data here.
          headers: { 'X-Delivery-Id': delivery.id, 'X-Template': template },
        });
      });
      response = String(info.response ?? '');
    } catch (error) {
      // Not built, not rendered, not reachable, 4xx: transient. Only the server's 5xx is final.
      if (!isPermanentSmtpFailure(error)) return this.release(delivery, error as Error);
      return this.fail(delivery, (error as Error).message, smtpAnswer(error));
    }
    // The row stays `sending` until its mark lands: a crash before then sends it again (same Message-ID).
    try {
      await this.sentMarks.add({ id: delivery.id, messageId, response });
      return null;
    } catch (error) {
      return this.release(delivery, error as Error);
    }
  }

  /** A transient failure: the row goes back to queued for a later attempt. */
  private async release(delivery: DeliveryRow, error: Error): Promise<Error> {
    await this.ledger.release(delivery.id, error.message, this.clock.now());
    return error;
  }

  /** BullMQ gave up retrying a transient failure: record it where staff see it. */
  async giveUp(deliveryId: string, reason: string): Promise<void> {
    await this.ledger.markFailed(this.dataSource.manager, deliveryId, `gave up after retries: ${reason}`, null, this.clock.now());
  }

  private async fail(delivery: DeliveryRow, reason: string, answer: string | null): Promise<PermanentJobError> {
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
    return new PermanentJobError(`delivery ${delivery.id} rejected: ${reason}`);
  }
}
