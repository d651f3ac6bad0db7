import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Application } from './application.entity.js';

/** One panel reviewer's recommendation for one round. */
@Unique('panel_votes_reviewer_uq', ['applicationId', 'round', 'reviewerId'])
@Check('panel_votes_recommendation_ck', "recommendation IN ('endorse', 'defer', 'deny')")
@Entity('panel_votes')
export class PanelVote {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey(() => Application, { name: 'panel_votes_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @Column({ type: 'integer' }) round: number;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ type: 'text' }) recommendation: string;
  @Column({ type: 'jsonb', default: {} }) checklist: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
