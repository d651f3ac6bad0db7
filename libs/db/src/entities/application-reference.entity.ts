import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from './application.entity.js';

/** A reference requested from a rater; its link is stored only as a hash. */
@Index('application_references_app_idx', ['applicationId'])
@Index('application_references_token_uq', ['tokenHash'], { unique: true, where: 'token_hash IS NOT NULL' })
@Index('application_references_replaced_by', ['replacedBy'], { where: 'replaced_by IS NOT NULL' })
// The references still waiting for their rater: counted on every metrics scrape (overdue references).
@Index('application_references_waiting_idx', ['requestedAt'], { where: "status = 'requested' AND revoked_at IS NULL" })
@Entity('application_references')
export class ApplicationReference {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey(() => Application, { name: 'application_references_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @Column({ type: 'text' }) role: string;
  @Column({ name: 'rater_name', type: 'text' }) raterName: string;
  @Column({ name: 'rater_email', type: 'text' }) raterEmail: string;
  @Column({ name: 'waived_access', type: 'boolean' }) waivedAccess: boolean;
  @Column({ type: 'text', default: 'pending' }) status: string;
  @Column({ type: 'jsonb', nullable: true }) rating: Record<string, unknown> | null;
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true }) ratedAt: Date | null;
  @Column({ name: 'vetted_at', type: 'timestamptz', nullable: true }) vettedAt: Date | null;
  @Column({ name: 'vetted_by', type: 'uuid', nullable: true }) vettedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'token_hash', type: 'text', nullable: true }) tokenHash: string | null;
  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt: Date | null;
  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true }) requestedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @ForeignKey(() => ApplicationReference, { name: 'application_references_replaced_by_fkey' })
  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy: string | null;
}
