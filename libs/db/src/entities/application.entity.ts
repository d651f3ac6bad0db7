import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An application for one category. `state` and `version` are written only by the transition path
 * (libs/endorsement), never through this entity.
 */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'association_code' }) associationCode: string;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  @Column({ name: 'track_code', type: 'text', nullable: true }) trackCode: string | null;
  @Column({ update: false, insert: false }) state: string;
  @Column({ update: false, insert: false }) version: number;
  @Column({ name: 'held_from', type: 'text', nullable: true, update: false, insert: false }) heldFrom: string | null;
  @Column({ default: false }) reinstatement: boolean;
  @Column({ name: 'framework_version' }) frameworkVersion: string;
  @Column({ type: 'jsonb' }) rules: Record<string, unknown>;
  @Column({ type: 'jsonb' }) portfolio: Record<string, unknown>;
  @Column({ name: 'amended_at', type: 'timestamptz', nullable: true }) amendedAt: Date | null;
  @Column({ name: 'exam_approved_at', type: 'timestamptz', nullable: true }) examApprovedAt: Date | null;
  @Column({ name: 'state_changed_at', type: 'timestamptz' }) stateChangedAt: Date;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
