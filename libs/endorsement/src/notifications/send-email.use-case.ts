import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  EmailDeliveriesRepository,
  MAIL_TRANSPORT,
  STALE_CLAIM_MS,
  deliveryMessageId,
  renderEmail,
  isEmailTemplateName,
  senderDomain,
  verpAddress,
  type DeliveryRow,
  type EmailModel,
  type MailTransport,
  type SentMark,
  type Undelivered,
} from '#mail';
import { Clock } from '#platform';
import { PermanentJobError, redactAddresses } from '#queue';
import { withRequestId } from '#request-id';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { EmailModelBuilder } from './email-model.builder.js';
import { GroupCommit } from './group-commit.js';
import { RecordUndelivered } from './record-undelivered.use-case.js';
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
 * Each message is sent under its row's request id (X-Request-ID header, log lines), and the SMTP
 * server's answer is logged.
 */
@Injectable()
export class SendEmail {
  private readonly logger = new Logger('SendEmail');
  private readonly inFlight: ConcurrencyLimit;
  private readonly sentMarks = new GroupCommit<SentMark>((marks) => this.ledger.markSent(marks, this.clock.now()), MARK_GATHER_MS);
  private readonly messageIdDomain: string;
  private readonly bounceDomain: string | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly models: EmailModelBuilder,
    private readonly undelivered: RecordUndelivered,
    private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.inFlight = new ConcurrencyLimit(config.pipeline.mailConcurrency);
    this.messageIdDomain = senderDomain(config.smtp.from);
    this.bounceDomain = config.deliverability.bounceDomain;
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
    return Promise.all(deliveries.map((d, i) => underItsRequest(d, () => this.sendOne(d, models[i], claimedAt))));
  }

  /** Null once sent and marked, a PermanentJobError once recorded as failed, or the transient error it was released with. */
  private async sendOne(delivery: DeliveryRow, model: EmailModel | Error, claimedAt: number): Promise<Error | null> {
    if (!isEmailTemplateName(delivery.template))
      return this.fail(delivery, { status: 'failed', reason: `unknown template ${delivery.template}`, answer: null });
    if (delivery.suppression) return this.fail(delivery, suppressedOutcome(delivery.suppression));
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
          // VERP: a bounce arriving later names this row by the address it is sent back to.
          ...(this.bounceDomain ? { envelope: { from: verpAddress(delivery.id, this.bounceDomain), to: delivery.recipient_email } } : {}),
          to: { name: delivery.recipient_name, address: delivery.recipient_email },
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId,
          // Operators trace a message from the mailbox back to its ledger row and request; no personal data here.
          headers: { 'X-Delivery-Id': delivery.id, 'X-Template': template, ...(delivery.request_id ? { 'X-Request-ID': delivery.request_id } : {}) },
        });
      });
      response = String(info.response ?? '');
    } catch (error) {
      const permanent = isPermanentSmtpFailure(error);
      // Servers echo the recipient in their answers: never in a log.
      this.logger.warn({
        msg: permanent ? 'email refused' : 'email not sent yet',
        deliveryId: delivery.id,
        template,
        answer: redactAddresses(smtpAnswer(error) ?? (error as Error).message),
      });
      // Not built, not rendered, not reachable, 4xx: transient. Only the server's 5xx is final.
      if (!permanent) return this.release(delivery, error as Error);
      // Refused for good: the address is not tried again until someone gives it anew.
      return this.fail(delivery, { status: 'failed', reason: (error as Error).message, answer: smtpAnswer(error), suppress: 'hard_bounce' });
    }
    this.logger.log({ msg: 'email sent', deliveryId: delivery.id, template, answer: redactAddresses(response) });
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
    await this.ledger.markUndelivered(
      deliveryId,
      { status: 'failed', reason: `gave up after retries: ${reason}`, answer: null },
      this.clock.now(),
      this.dataSource.manager,
    );
  }

  private async fail(delivery: DeliveryRow, outcome: Undelivered): Promise<PermanentJobError> {
    await this.undelivered.execute(delivery, outcome);
    return new PermanentJobError(`delivery ${delivery.id} ${outcome.status === 'failed' ? 'rejected' : outcome.status}: ${outcome.reason}`);
  }
}

/** Runs `fn` under the request id the row was recorded with (a job may send for several requests). */
function underItsRequest<T>(delivery: DeliveryRow, fn: () => T): T {
  return delivery.request_id ? withRequestId(delivery.request_id, fn) : fn();
}

/** Why a suppressed address gets nothing, in words staff read. */
function suppressedOutcome(suppression: NonNullable<DeliveryRow['suppression']>): Undelivered {
  const why = suppression.reason === 'complaint' ? 'its owner reported our email as spam' : 'mail to it bounced';
  return {
    status: 'suppressed',
    reason: `not sent: ${why} on ${suppression.since.slice(0, 10)}; it is sent to again once someone gives the address anew`,
    answer: null,
  };
}
