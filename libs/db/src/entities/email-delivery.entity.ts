import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ApplicationReference } from './application-reference.entity.js';
import { Application } from './application.entity.js';

/** The email ledger: one row per email the system means to send, once per business key. */
@Unique('email_deliveries_business_key_uq', ['businessKey'])
@Check('email_deliveries_status_ck', "status IN ('queued', 'sending', 'sent', 'failed', 'bounced', 'suppressed')")
@Index('email_deliveries_application_idx', ['applicationId'])
@Index('email_deliveries_open_idx', ['updatedAt'], { where: "status IN ('queued', 'sending')" })
@Index('email_deliveries_failed_idx', ['applicationId'], { where: "status IN ('failed', 'bounced', 'suppressed')" })
@Entity('email_deliveries')
export class EmailDelivery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'business_key', type: 'text' }) businessKey: string;
  @ForeignKey(() => Application, { name: 'email_deliveries_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;
  @ForeignKey(() => ApplicationReference, { name: 'email_deliveries_reference_id_fkey' })
  @Column({ name: 'reference_id', type: 'uuid', nullable: true })
  referenceId: string | null;
  @Column({ type: 'text' }) template: string;
  @Column({ name: 'recipient_kind', type: 'text' }) recipientKind: string;
  @Column({ name: 'recipient_email', type: 'text' }) recipientEmail: string;
  @Column({ name: 'recipient_name', type: 'text' }) recipientName: string;
  @Column({ type: 'jsonb', default: {} }) context: Record<string, unknown>;
  @Column({ type: 'text', default: 'queued' }) status: string;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt: Date | null;
  @Column({ name: 'smtp_response', type: 'text', nullable: true }) smtpResponse: string | null;
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  /** The request (or job) that caused the message; sent in its X-Request-ID header. */
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
}
