import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutlookKind } from '../outlook/outlook.js';

/** A reminder to schedule: due `days` after the moment it is planned from. */
export interface PlannedReminder {
  kind: string;
  days: number;
}

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

/** Reminders: planned with what they remind of (applicants, raters, candidates, staff), sent by the reminder sweep. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reminders of `kind` about `subjectKey`, `daysBefore` `day` at 09:00 where the association is (a candidate's
   * sitting, the last day an exam approval holds); none already past.
   */
  async planBeforeDay(
    kind: 'exam_reminder' | 'exam_approval_reminder',
    subjectKey: string,
    applicationId: string,
    day: string,
    timeZone: string,
    daysBefore: readonly number[],
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
     SELECT $1, $2::text, $3::uuid, d, due, $6
       FROM unnest($7::int[]) AS d, LATERAL (SELECT (($4::date - d)::timestamp + interval '9 hours') AT TIME ZONE $5 AS due) AS at
      WHERE due > $6`,
      [kind, subjectKey, applicationId, day, timeZone, now, daysBefore],
    );
  }

  /** Schedules a reference's reminders, each once (a second scheduling of the same one does nothing). */
  async scheduleForReference(
    referenceId: string,
    applicationId: string,
    reminders: readonly PlannedReminder[],
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
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

  /**
   * The association's pending reminders due before `until`, counted by outlook kind and local day (in
   * `timeZone`) of sending: one already overdue is sent at the next sweep, counted on `now`'s day.
   */
  async countPendingByKindAndDay(
    associationCode: string,
    now: Date,
    until: Date,
    timeZone: string,
  ): Promise<{ kind: OutlookKind; date: string; count: number }[]> {
    return this.dataSource.query<{ kind: OutlookKind; date: string; count: number }[]>(
      `SELECT CASE WHEN r.kind = 'renewal_reminder' AND r.offset_days < 0 THEN 'renewal_late_notice' ELSE r.kind END AS kind,
              to_char(greatest(r.due_at, $2) AT TIME ZONE $4, 'YYYY-MM-DD') AS date, count(*)::int AS count
         FROM reminders r JOIN applications a ON a.id = r.application_id
        WHERE r.status = 'pending' AND r.due_at < $3 AND a.association_code = $1
        GROUP BY 1, 2`,
      [associationCode, now, until, timeZone],
    );
  }

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
    await manager.query(
      `UPDATE reminders SET status = CASE WHEN id = ANY($2::uuid[]) THEN 'cancelled' ELSE 'done' END, fired_at = $3 WHERE id = ANY($1::uuid[])`,
      [ids, cancelledIds, now],
    );
  }

  /** Cancels an application's pending reminders of these kinds, so no sweep fires them. */
  async cancelPending(applicationId: string, kinds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE reminders SET status = 'cancelled' WHERE application_id = $1 AND status = 'pending' AND kind = ANY($2)`, [
      applicationId,
      kinds,
    ]);
  }

  /** Plans a renewal cycle's reminders, one row per cycle and offset (`subjectKey`: the person's cycle), whichever endorsement's effect comes first. */
  async insertRenewalReminders(
    subjectKey: string,
    applicationId: string,
    reminders: readonly PlannedRenewalReminder[],
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
       SELECT 'renewal_reminder', $1::text, $2::uuid, (r->>'days')::int, (r->>'at')::timestamptz, $3
         FROM jsonb_array_elements($4::jsonb) AS r
       ON CONFLICT (kind, subject_key, offset_days) DO NOTHING`,
      [subjectKey, applicationId, now, JSON.stringify(reminders)],
    );
  }
}
