import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Account } from './account.entity.js';
import { Application } from './application.entity.js';

/** A reviewer assigned to an application's panel for one round. */
@Index('panel_assignments_reviewer_idx', ['reviewerId', 'applicationId'])
@Entity('panel_assignments')
export class PanelAssignment {
  @ForeignKey(() => Application, { name: 'panel_assignments_application_id_fkey' })
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @PrimaryColumn({ type: 'integer' }) round: number;
  @ForeignKey(() => Account, { name: 'panel_assignments_reviewer_id_fkey' })
  @PrimaryColumn({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;
  @ForeignKey(() => Account, { name: 'panel_assignments_assigned_by_fkey' })
  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy: string;
  @Column({ name: 'assigned_at', type: 'timestamptz' }) assignedAt: Date;
}
