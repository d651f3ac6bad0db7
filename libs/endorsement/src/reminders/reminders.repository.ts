import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A due reminder with what re-checking it and writing its emails need. */
export interface DueReminder {
  id: string;
  kind: string;
  offset_days: number;
  application_id: string;
  reference_id: string | null;
  reference_status: string | null;
  rater_name: string | null;
  rater_email: string | null;
  subject_key: string;
  application_state: string;
  renewal_due_on: string | null;
  association_code: string;
  applicant_id: string;
  applicant_name: string;
  applicant_email: string;
  /** Whom the application is assigned to, if they have signed in: staff notices go to them. */
  assignee_email: string | null;
  assignee_name: string | null;
  /** exam_reminder: the attempt the reminder is about, and whether it was decided since. */
  attempt_no: number | null;
  attempt_decided: boolean | null;
  /** exam_approval_reminder: a sitting is booked whose result is not decided yet. */
  attempt_pending: boolean | null;
}

/** A renewal reminder to plan: days before the cycle's due day (negative in the late window), and when it is due. */
export interface PlannedRenewalReminder {
  days: number;
  at: string;
}

/** Reminder rows: planned with a `due_at`, cancelled when their step ends, fired by the sweep. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` pending reminders due by `now`, oldest first, locked (SKIP LOCKED: sweeps on several workers share the work). */
  async findDueForUpdate(now: Date, limit: number, manager: EntityManager): Promise<DueReminder[]> {
    return manager.query<DueReminder[]>(
      `SELECT r.id, r.kind, r.offset_days, r.application_id, r.reference_id, r.subject_key, ref.status AS reference_status,
              ref.rater_name, ref.rater_email, a.state AS application_state, to_char(a.renewal_due_on, 'YYYY-MM-DD') AS renewal_due_on,
              a.association_code, a.applicant_id, p.full_name AS applicant_name, p.email AS applicant_email,
              x.attempt_no, x.decided_at IS NOT NULL AS attempt_decided,
              CASE WHEN r.kind = 'exam_approval_reminder' THEN EXISTS (SELECT 1 FROM exam_attempts y WHERE y.application_id = a.id AND y.decided_at IS NULL) END AS attempt_pending,
              asg.email AS assignee_email, asgp.full_name AS assignee_name
         FROM reminders r
         JOIN applications a ON a.id = r.application_id JOIN people p ON p.id = a.applicant_id
         LEFT JOIN accounts asg ON asg.id = a.assignee_id AND asg.password_hash IS NOT NULL LEFT JOIN people asgp ON asgp.id = asg.person_id
         LEFT JOIN application_references ref ON ref.id = r.reference_id
         LEFT JOIN exam_attempts x ON r.kind = 'exam_reminder' AND x.id::text = r.subject_key
        WHERE r.status = 'pending' AND r.due_at <= $1
        ORDER BY r.due_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Marks swept reminders fired at `now`: `cancelledIds` (no longer owed) cancelled, the others done. */
  async markSwept(ids: readonly string[], cancelledIds: readonly string[], now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE reminders SET status = CASE WHEN id = ANY($2::uuid[]) THEN 'cancelled' ELSE 'done' END, fired_at = $3 WHERE id = ANY($1::uuid[])`, [
      ids,
      cancelledIds,
      now,
    ]);
  }

  /** Cancels an application's pending reminders of these kinds, so no sweep fires them. */
  async cancelPending(applicationId: string, kinds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE reminders SET status = 'cancelled' WHERE application_id = $1 AND status = 'pending' AND kind = ANY($2)`, [applicationId, kinds]);
  }

  /** Plans a renewal cycle's reminders, one row per cycle and offset (`subjectKey`: the person's cycle), whichever endorsement's effect comes first. */
  async insertRenewalReminders(subjectKey: string, applicationId: string, reminders: readonly PlannedRenewalReminder[], now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
       SELECT 'renewal_reminder', $1::text, $2::uuid, (r->>'days')::int, (r->>'at')::timestamptz, $3
         FROM jsonb_array_elements($4::jsonb) AS r
       ON CONFLICT (kind, subject_key, offset_days) DO NOTHING`,
      [subjectKey, applicationId, now, JSON.stringify(reminders)],
    );
  }
}
