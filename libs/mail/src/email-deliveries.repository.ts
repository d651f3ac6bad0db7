import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { emailsSent } from '#metrics';
import { currentRequestId } from '#request-id';

// 'account': an email about the account itself (invitation, password reset), whatever its roles.
export type RecipientKind = 'applicant' | 'rater' | 'coordinator' | 'administrator' | 'reviewer' | 'account';

export interface NewDelivery {
  /** Unique per (application, event, recipient): recording the same message twice records it once. */
  businessKey: string;
  applicationId: string | null;
  referenceId?: string | null;
  template: string;
  recipientKind: RecipientKind;
  recipientEmail: string;
  recipientName: string;
  /** Ids and values the message is rendered from at send time (never rater answers or secrets). */
  context?: Record<string, unknown>;
  /** The request (or job) that caused the message, when not the one being handled (an outbox row's); null for none. */
  requestId?: string | null;
}

export interface DeliveryRow {
  id: string;
  business_key: string;
  application_id: string | null;
  reference_id: string | null;
  template: string;
  recipient_kind: RecipientKind;
  recipient_email: string;
  recipient_name: string;
  context: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  request_id: string | null;
  /** Set when the address is on the suppression list: the row must not be sent. */
  suppression?: { reason: SuppressionReason; since: string } | null;
}

/** `bounced`: accepted, then bounced or reported as spam; `suppressed`: never sent, the address being suppressed. */
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'suppressed';
export type SuppressionReason = 'hard_bounce' | 'complaint';

/** How a message ended undelivered, as the ledger records it. */
export interface Undelivered {
  status: 'failed' | 'bounced' | 'suppressed';
  /** Why, in words staff read (kept on the row as last_error). */
  reason: string;
  /** The receiving server's own answer, when there is one. */
  answer: string | null;
  /** Put the address on the suppression list for this reason. */
  suppress?: SuppressionReason;
}

/** A message the SMTP server accepted (250): its ledger row, Message-ID and the server's answer. */
export interface SentMark {
  id: string;
  messageId: string;
  response: string;
}

/** A delivery a bounce or complaint is about: what the report is checked against and the outcome acts on. */
export type ReportedDelivery = Pick<DeliveryRow, 'id' | 'application_id' | 'reference_id' | 'recipient_kind' | 'template' | 'recipient_email'> & {
  message_id: string | null;
};

/** An email sent on an application's behalf to its applicant or a rater, as the applicant's list of emails reads it. */
export interface ApplicantDeliveryRow {
  id: string;
  template: string;
  recipient_kind: 'applicant' | 'rater';
  recipient_name: string;
  status: DeliveryStatus;
  smtp_response: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/** A claim older than this belongs to a worker that died mid-send: the message may be sent again. */
export const STALE_CLAIM_MS = 60_000;

/**
 * The email ledger: every message a row, queued → sending → sent | failed, with the SMTP answer.
 * The row, not Redis, says whether a message still has to go out.
 */
@Injectable()
export class EmailDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records deliveries in the caller's transaction, each with the id of the request or job being
   * handled unless it names its own; returns the ids of those not recorded before.
   */
  async record(deliveries: NewDelivery[], now: Date, manager: EntityManager): Promise<string[]> {
    if (!deliveries.length) return [];
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO email_deliveries (business_key, application_id, reference_id, template, recipient_kind, recipient_email, recipient_name, context, created_at, updated_at, request_id)
       SELECT d->>'businessKey', (d->>'applicationId')::uuid, (d->>'referenceId')::uuid, d->>'template', d->>'recipientKind',
              d->>'recipientEmail', d->>'recipientName', coalesce(d->'context', '{}'), $2, $2, CASE WHEN d ? 'requestId' THEN d->>'requestId' ELSE $3 END
         FROM jsonb_array_elements($1::jsonb) AS d
       ON CONFLICT (business_key) DO NOTHING RETURNING id`,
      [JSON.stringify(deliveries), now, currentRequestId() ?? null],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Takes deliveries for sending in one statement: those queued, and those whose claim is stale (its
   * worker died mid-send, so the message may go out twice). Returns the rows taken; the others were
   * sent, failed, or are held by another worker's recent claim.
   */
  async claimMany(ids: readonly string[], now: Date): Promise<DeliveryRow[]> {
    if (!ids.length) return [];
    const [rows] = await this.dataSource.query<[DeliveryRow[], number]>(
      `UPDATE email_deliveries SET status = 'sending', attempts = attempts + 1, claimed_at = $2, updated_at = $2
        WHERE id = ANY($1::uuid[]) AND (status = 'queued' OR (status = 'sending' AND claimed_at < $3))
        RETURNING id, business_key, application_id, reference_id, template, recipient_kind, recipient_email, recipient_name, context, status, attempts, request_id,
                  (SELECT json_build_object('reason', s.reason, 'since', s.created_at) FROM email_suppressions s WHERE s.email = lower(recipient_email)) AS suppression`,
      [ids, now, new Date(now.getTime() - STALE_CLAIM_MS)],
    );
    return rows;
  }

  /**
   * Takes one delivery for sending. Returns the row, `done` when it was already sent or failed, or
   * `busy` while another worker's recent claim holds it.
   */
  async claim(id: string, now: Date): Promise<DeliveryRow | 'done' | 'busy'> {
    const [row] = await this.claimMany([id], now);
    if (row) return row;
    const [current] = await this.dataSource.query<{ status: string }[]>(`SELECT status FROM email_deliveries WHERE id = $1`, [id]);
    return !current || current.status === 'sent' || current.status === 'failed' ? 'done' : 'busy';
  }

  /**
   * Records SMTP 250s, many in one statement. Until it lands the rows stay `sending`: a crash before
   * then may send those messages again, after the stale-claim window.
   */
  async markSent(marks: readonly SentMark[], now: Date): Promise<void> {
    if (!marks.length) return;
    // Committed without waiting for the WAL flush (synchronous_commit off for this statement alone): a
    // mark is written as each 250 arrives, and a flush per mark would cost more than the send. A mark
    // lost to a PostgreSQL crash in the fraction of a second before its flush only sends that email
    // again, with the same Message-ID: the same case as a worker dying before the mark. Only rows still
    // `sending`: a bounce can arrive, and be recorded, before its 250's mark lands.
    const [, marked] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE email_deliveries d SET status = 'sent', message_id = s.message_id, smtp_response = s.response, last_error = NULL, sent_at = $2, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, message_id text, response text),
              (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
        WHERE d.id = s.id AND d.status = 'sending'`,
      [JSON.stringify(marks.map(({ id, messageId, response }) => ({ id, message_id: messageId, response }))), now],
    );
    emailsSent.inc(marked);
  }

  /** A transient failure: back in the queue for BullMQ's next attempt. */
  async release(id: string, error: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE email_deliveries SET status = 'queued', last_error = $2, updated_at = $3 WHERE id = $1 AND status = 'sending'`, [
      id,
      error,
      now,
    ]);
  }

  /**
   * A message that will not arrive: failed (refused at sending, or given up), suppressed (not sent), or
   * bounced (accepted, then bounced or reported as spam). It stays so, with the reason and the server's
   * answer, where staff see it; with `suppress`, its address is not sent to again until given anew.
   * False when the row was not in a state this outcome can follow (already recorded): nothing changed.
   */
  async markUndelivered(id: string, outcome: Undelivered, now: Date, manager: EntityManager): Promise<boolean> {
    const from = outcome.status === 'bounced' ? ['sending', 'sent'] : ['queued', 'sending'];
    const [rows] = await manager.query<[{ recipient_email: string }[], number]>(
      `UPDATE email_deliveries SET status = $2, last_error = $3, smtp_response = coalesce($4, smtp_response), updated_at = $5
        WHERE id = $1 AND status = ANY($6::text[]) RETURNING recipient_email`,
      [id, outcome.status, outcome.reason, outcome.answer, now, from],
    );
    if (!rows.length) return false;
    if (outcome.suppress) {
      await manager.query(
        `INSERT INTO email_suppressions (email, reason, detail, delivery_id, created_at) VALUES (lower($1), $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
        [rows[0].recipient_email, outcome.suppress, outcome.answer?.slice(0, 1000) ?? null, id, now],
      );
    }
    return true;
  }

  /** Someone gave the address anew (an applicant naming it again, staff clearing it): it may be sent to. */
  async unsuppress(email: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM email_suppressions WHERE email = lower($1)`, [email]);
  }

  /** The address an email of the application went to; undefined when the application has no email with this id. */
  async findRecipientEmail(emailId: string, applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const [email] = await manager.query<{ recipient_email: string }[]>(`SELECT recipient_email FROM email_deliveries WHERE id = $1 AND application_id = $2`, [
      emailId,
      applicationId,
    ]);
    return email?.recipient_email;
  }

  /** Whether any of these business keys was recorded after `since` (by its unique key: a read of those rows only). */
  async anyRecordedSince(businessKeys: readonly string[], since: Date, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const recent = await manager.query<unknown[]>(`SELECT 1 FROM email_deliveries WHERE business_key = ANY($1) AND created_at > $2`, [businessKeys, since]);
    return recent.length > 0;
  }

  /** The row a bounce or complaint names, with what the report must match (recipient, Message-ID). */
  async findReported(id: string): Promise<ReportedDelivery | undefined> {
    const [row] = await this.dataSource.query<ReportedDelivery[]>(
      `SELECT id, application_id, reference_id, recipient_kind, template, recipient_email, message_id FROM email_deliveries WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** The emails of an application to its applicant and raters, oldest first; staff notices stay out. */
  async listForApplicant(applicationId: string): Promise<ApplicantDeliveryRow[]> {
    return this.dataSource.query<ApplicantDeliveryRow[]>(
      `SELECT id, template, recipient_kind, recipient_name, status, smtp_response, created_at, sent_at
         FROM email_deliveries WHERE application_id = $1 AND recipient_kind IN ('applicant', 'rater') ORDER BY created_at, id`,
      [applicationId],
    );
  }
  /** Up to `limit` rows that should have moved by now (queued, or stuck sending, for over `afterMs`), longest waiting first, locked (SKIP LOCKED). */
  async findOverdueForUpdate(
    afterMs: number,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; request_id: string | null }[]> {
    return manager.query<{ id: string; request_id: string | null }[]>(
      `SELECT id, request_id FROM email_deliveries
        WHERE (status = 'queued' AND updated_at < now() - $1::interval) OR (status = 'sending' AND claimed_at < now() - $1::interval)
        ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [`${afterMs} milliseconds`, limit],
    );
  }

  /** Rows handed to Redis again: they wait another while before the next hand-over. */
  async markHandedOver(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE email_deliveries SET updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
