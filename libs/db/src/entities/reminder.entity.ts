import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ApplicationReference } from './application-reference.entity.js';
import { Application } from './application.entity.js';

/** A reminder as a row with a due time, fired once per kind, subject and offset. */
@Unique('reminders_once_uq', ['kind', 'subjectKey', 'offsetDays'])
@Check('reminders_status_ck', "status IN ('pending', 'done', 'cancelled')")
@Index('reminders_due_idx', ['dueAt'], { where: "status = 'pending'" })
@Entity('reminders')
export class Reminder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'subject_key', type: 'text' }) subjectKey: string;
  @ForeignKey(() => Application, { name: 'reminders_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;
  @ForeignKey(() => ApplicationReference, { name: 'reminders_reference_id_fkey' })
  @Column({ name: 'reference_id', type: 'uuid', nullable: true })
  referenceId: string | null;
  @Column({ name: 'offset_days', type: 'integer' }) offsetDays: number;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'text', default: 'pending' }) status: string;
  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true }) firedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
