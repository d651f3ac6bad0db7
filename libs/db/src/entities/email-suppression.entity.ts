import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { EmailDelivery } from './email-delivery.entity.js';

/** An address not to send to again (hard bounce or spam complaint) until someone gives it anew. */
@Check('email_suppressions_reason_ck', "reason IN ('hard_bounce', 'complaint')")
@Entity('email_suppressions')
export class EmailSuppression {
  /** Lower-cased. */
  @PrimaryColumn({ type: 'text' }) email: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', nullable: true }) detail: string | null;
  @ForeignKey(() => EmailDelivery, { name: 'email_suppressions_delivery_id_fkey', onDelete: 'SET NULL' })
  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
