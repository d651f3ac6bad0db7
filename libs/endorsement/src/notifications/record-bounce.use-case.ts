import { Injectable, Logger } from '@nestjs/common';
import { deliveryIdOfMessageId, EmailDeliveriesRepository } from '#mail';
import { bounces } from '#metrics';
import { RecordUndelivered } from './record-undelivered.use-case.js';

/** A bounce or spam complaint about one of our messages, however it reached us. */
export interface BounceNotice {
  /** Where it came from, for the ledger row: `DSN`, `ARF`, `Amazon SES`, `SendGrid`. */
  source: string;
  kind: 'bounce' | 'complaint';
  /** The ledger row, when the report names it (VERP address, a provider's copy of our headers). */
  deliveryId: string | null;
  /** The Message-ID of the message it is about; when given it must be the row's recorded one. */
  messageId: string | null;
  /** The addresses it is about; when given, the row's recipient must be one of them. */
  recipients: string[];
  /** The reporting server's words. */
  detail: string;
}

/** `unknown`: no message of ours matches (nothing changed); `unchanged`: already recorded. */
export type BounceOutcome = 'recorded' | 'unchanged' | 'unknown';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A message accepted earlier (250) bounced or was reported as spam: the same path as a 5xx at sending
 * (RecordUndelivered), with the row ending `bounced` and its address suppressed. The report must
 * match what the ledger recorded (row, Message-ID, recipient), so a report about someone else's
 * message, or a forged one that guesses wrong, changes nothing.
 */
@Injectable()
export class RecordBounce {
  private readonly logger = new Logger('RecordBounce');

  constructor(
    private readonly ledger: EmailDeliveriesRepository,
    private readonly undelivered: RecordUndelivered,
  ) {}

  async execute(notice: BounceNotice): Promise<BounceOutcome> {
    const outcome = await this.record(notice);
    bounces.inc({ source: notice.source, kind: notice.kind, outcome });
    return outcome;
  }

  private async record(notice: BounceNotice): Promise<BounceOutcome> {
    const id = notice.deliveryId ?? (notice.messageId ? deliveryIdOfMessageId(notice.messageId) : null);
    if (!id || !UUID.test(id)) return this.unknown(notice);
    const row = await this.ledger.findReported(id);
    if (!row) return this.unknown(notice);
    if (notice.messageId && row.message_id && notice.messageId.trim() !== row.message_id) return this.unknown(notice);
    if (notice.recipients.length && !notice.recipients.some((r) => r.toLowerCase() === row.recipient_email.toLowerCase())) return this.unknown(notice);
    const complaint = notice.kind === 'complaint';
    const recorded = await this.undelivered.execute(row, {
      status: 'bounced',
      reason: `${complaint ? 'reported as spam by its recipient' : 'bounced after it was accepted'} (${notice.source})`,
      answer: notice.detail.slice(0, 1000) || null,
      suppress: complaint ? 'complaint' : 'hard_bounce',
    });
    return recorded ? 'recorded' : 'unchanged';
  }

  private unknown(notice: BounceNotice): BounceOutcome {
    // No addresses or Message-IDs in the log: they may be anyone's.
    this.logger.warn(`${notice.source} ${notice.kind} matches no message of ours; ignored`);
    return 'unknown';
  }
}
