import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity.js';
import { Person } from './person.entity.js';

/**
 * An application for one category. `state` and `version` are written only by the transition path
 * (libs/endorsement), never through this entity.
 */
@Index('applications_queue_idx', ['associationCode', 'state', 'stateChangedAt', 'id'])
@Index('applications_applicant_idx', ['applicantId'])
@Index('applications_endorsement_number_uq', ['endorsementNumber'], { unique: true, where: 'endorsement_number IS NOT NULL' })
@Index('applications_renewal_person_idx', ['associationCode', 'state', 'renewalDueOn', 'applicantId', 'id'], { where: "state IN ('endorsed', 'renewal_due')" })
@Index('applications_association_waiting_idx', ['associationCode', 'stateChangedAt', 'id'])
@Index('applications_state_waiting_idx', ['state', 'stateChangedAt', 'id'])
@Index('applications_assignee_idx', ['assigneeId', 'stateChangedAt', 'id'], { where: 'assignee_id IS NOT NULL' })
@Index('applications_registry_idx', ['associationCode', 'categoryCode'], { where: 'registry_listed' })
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'association_code', type: 'text' }) associationCode: string;
  @ForeignKey(() => Person, { name: 'applications_applicant_id_fkey' })
  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;
  @Column({ name: 'category_code', type: 'text' }) categoryCode: string;
  @Column({ name: 'track_code', type: 'text', nullable: true }) trackCode: string | null;
  @Column({ type: 'text', default: 'draft', update: false, insert: false }) state: string;
  @Column({ type: 'integer', default: 0, update: false, insert: false }) version: number;
  @Column({ name: 'held_from', type: 'text', nullable: true, update: false, insert: false }) heldFrom: string | null;
  @Column({ type: 'boolean', default: false }) reinstatement: boolean;
  @Column({ name: 'framework_version', type: 'text' }) frameworkVersion: string;
  @Column({ type: 'jsonb' }) rules: Record<string, unknown>;
  @Column({ type: 'jsonb' }) portfolio: Record<string, unknown>;
  @Column({ name: 'amended_at', type: 'timestamptz', nullable: true }) amendedAt: Date | null;
  @Column({ name: 'exam_approved_at', type: 'timestamptz', nullable: true }) examApprovedAt: Date | null;
  @Column({ name: 'state_changed_at', type: 'timestamptz' }) stateChangedAt: Date;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'endorsement_number', type: 'text', nullable: true }) endorsementNumber: string | null;
  @Column({ name: 'endorsed_at', type: 'timestamptz', nullable: true }) endorsedAt: Date | null;
  @Column({ name: 'renewal_due_on', type: 'date', nullable: true }) renewalDueOn: string | null;
  @Column({ name: 'registry_listed', type: 'boolean', default: false }) registryListed: boolean;
  @ForeignKey(() => Account, { name: 'applications_assignee_id_fkey' })
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt: Date | null;
}
