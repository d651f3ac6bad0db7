import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity.js';

/** A training or RSC hours an endorsee records in the continuing-education log, approved by staff. */
@Check('ce_entries_kind_check', "kind IN ('training', 'rsc')")
@Check('ce_entries_hours_check', 'hours > 0 AND hours <= 1000')
@Check('ce_entries_status_check', "status IN ('pending', 'approved', 'rejected')")
@Index('ce_entries_person_idx', ['personId', 'completedOn'])
@Entity('ce_entries')
export class CeEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey(() => Person, { name: 'ce_entries_person_id_fkey' })
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) provider: string;
  @Column({ name: 'completed_on', type: 'date' }) completedOn: string;
  @Column({ type: 'numeric', precision: 6, scale: 2 }) hours: string;
  @Column({ type: 'boolean', default: false }) dei: boolean;
  @Column({ name: 'about_rsc', type: 'boolean', default: false }) aboutRsc: boolean;
  @Column({ name: 'competency_areas', type: 'text', array: true, default: () => "'{}'" }) competencyAreas: string[];
  @Column({ type: 'text', default: 'pending' }) status: string;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'review_note', type: 'text', nullable: true }) reviewNote: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
