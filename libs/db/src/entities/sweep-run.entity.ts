import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When each sweep (reminders, renewals, exam approvals) last ran to the end, and how long it took. */
@Entity('sweep_runs')
export class SweepRun {
  @PrimaryColumn({ type: 'text' }) sweep: string;
  @Column({ name: 'last_success_at', type: 'timestamptz' }) lastSuccessAt: Date;
  @Column({ name: 'last_duration_ms', type: 'integer' }) lastDurationMs: number;
}
