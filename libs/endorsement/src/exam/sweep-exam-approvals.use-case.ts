import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import type { WorkflowEvent } from '#workflow';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { TransitionConflictError, TransitionRefusedError } from '../transition/transition.errors.js';

const BATCH = 500;

/** The event each `exam.approvalExpiry.action` of the rules fires. */
const EXPIRY_EVENTS: Readonly<Record<'deny', WorkflowEvent>> = { deny: 'expire_exam_approval' };

/**
 * Finds the applications approved to sit the exam whose approval ran out (by their pinned rules,
 * on their association's calendar: see examApprovalValidity) with no sitting awaiting its result,
 * and moves each as its rules' `approvalExpiry.action` says, as the system, at the version it read.
 * The transition's guards judge expiry again; a row moved meanwhile (booked, withdrawn, swept by
 * another worker) fails the version guard and is left alone, so each expiry fires once.
 */
@Injectable()
export class SweepExamApprovals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transition: TransitionApplication,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let moved = 0;
    for (;;) {
      // The date arithmetic mirrors examApprovalValidity (PostgreSQL clamps month ends the same way).
      const rows = await this.dataSource.query<{ id: string; version: number; action: keyof typeof EXPIRY_EVENTS }[]>(
        `SELECT a.id, a.version, a.rules->'rules'->'exam'->'approvalExpiry'->>'action' AS action
           FROM applications a
          WHERE a.state = 'exam' AND a.exam_approved_at IS NOT NULL AND a.id > $2
            AND (((a.exam_approved_at AT TIME ZONE (a.rules->'association'->>'timeZone'))::date
                  + make_interval(months => (a.rules->'rules'->'exam'->>'approvalValidMonths')::int))::date::timestamp
                 AT TIME ZONE (a.rules->'association'->>'timeZone')) <= $1
            AND NOT EXISTS (SELECT 1 FROM exam_attempts x WHERE x.application_id = a.id AND x.decided_at IS NULL)
          ORDER BY a.id LIMIT ${BATCH}`,
        [this.clock.now(), after],
      );
      for (const row of rows) {
        try {
          await this.transition.execute({ applicationId: row.id, event: EXPIRY_EVENTS[row.action], expectedVersion: row.version, actor: { id: null, role: 'system' } });
          moved += 1;
        } catch (error) {
          if (!(error instanceof TransitionConflictError || error instanceof TransitionRefusedError)) throw error;
        }
      }
      if (rows.length < BATCH) return moved;
      after = rows[rows.length - 1].id;
    }
  }
}
