import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A reminder to schedule: due `days` after the moment it is planned from. */
export interface PlannedReminder {
  kind: string;
  days: number;
}

/** The reminders that chase applicants, raters and staff (reminders). */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Schedules a reference's reminders, each once (a second scheduling of the same one does nothing). */
  async scheduleForReference(referenceId: string, applicationId: string, reminders: readonly PlannedReminder[], now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, subject_key, application_id, reference_id, offset_days, due_at, created_at)
       SELECT r->>'kind', $1::text, $2::uuid, $1::uuid, (r->>'days')::int, $3::timestamptz + make_interval(days => (r->>'days')::int), $3
         FROM jsonb_array_elements($4::jsonb) AS r
       ON CONFLICT (kind, subject_key, offset_days) DO NOTHING`,
      [referenceId, applicationId, now, JSON.stringify(reminders)],
    );
  }

  /** Cancels a reference's pending reminders: the sweep would skip them too, but cancelled rows say plainly that nothing is owed. */
  async cancelPendingForReference(referenceId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE reminders SET status = 'cancelled' WHERE reference_id = $1 AND status = 'pending'`, [referenceId]);
  }
}
