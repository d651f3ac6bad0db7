import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutlookKind } from '../outlook/outlook.js';

/** A reminder to schedule: due `days` after the moment it is planned from. */
export interface PlannedReminder {
  kind: string;
  days: number;
}

/** Reminders: planned with what they remind of (applicants, raters, candidates, staff), sent by the reminder sweep. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A registered candidate's reminders, `daysBefore` the sitting at 09:00 where the association is; none already past. */
  async planExamReminders(
    attemptId: string,
    applicationId: string,
    sitsOn: string,
    timeZone: string,
    daysBefore: readonly number[],
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
     SELECT 'exam_reminder', $1::text, $2::uuid, d, due, $5
       FROM unnest($6::int[]) AS d, LATERAL (SELECT (($3::date - d)::timestamp + interval '9 hours') AT TIME ZONE $4 AS due) AS at
      WHERE due > $5`,
      [attemptId, applicationId, sitsOn, timeZone, now, daysBefore],
    );
  }

  /** The reminders to book a sitting, `daysBefore` `validUntil` (the day the approval no longer holds) at 09:00 where the association is; none already past. */
  async planExamApprovalReminders(
    applicationId: string,
    validUntil: string,
    timeZone: string,
    daysBefore: readonly number[],
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
     SELECT 'exam_approval_reminder', $1::text, $1::uuid, d, due, $4
       FROM unnest($5::int[]) AS d, LATERAL (SELECT (($2::date - d)::timestamp + interval '9 hours') AT TIME ZONE $3 AS due) AS at
      WHERE due > $4`,
      [applicationId, validUntil, timeZone, now, daysBefore],
    );
  }

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

  /**
   * The association's pending reminders due before `until`, counted by outlook kind and local day (in
   * `timeZone`) of sending: one already overdue is sent at the next sweep, counted on `now`'s day.
   */
  async countPendingByKindAndDay(associationCode: string, now: Date, until: Date, timeZone: string): Promise<{ kind: OutlookKind; date: string; count: number }[]> {
    return this.dataSource.query<{ kind: OutlookKind; date: string; count: number }[]>(
      `SELECT CASE WHEN r.kind = 'renewal_reminder' AND r.offset_days < 0 THEN 'renewal_late_notice' ELSE r.kind END AS kind,
              to_char(greatest(r.due_at, $2) AT TIME ZONE $4, 'YYYY-MM-DD') AS date, count(*)::int AS count
         FROM reminders r JOIN applications a ON a.id = r.application_id
        WHERE r.status = 'pending' AND r.due_at < $3 AND a.association_code = $1
        GROUP BY 1, 2`,
      [associationCode, now, until, timeZone],
    );
  }
}
