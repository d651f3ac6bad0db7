import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import { findStaffApplication } from './find-staff-application.js';
import { staffAssociation } from './staff-scope.js';
import { StaffProblems } from './staff.problems.js';

export interface Assignment {
  applicationId: string;
  assigneeId: string | null;
  claimedAt: string | null;
}

/**
 * Who works on an application. A claim takes an unassigned application (or keeps one's own); an
 * assignment hands it to a coordinator or administrator of its association, or to nobody (null).
 * Every change of hands goes on the application's audit timeline.
 */
@Injectable()
export class AssignApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async claim(command: { caller: AuthenticatedAccount; applicationId: string }): Promise<Assignment> {
    const { caller, applicationId } = command;
    // `before` locks the row first, so the audit entry is written only when the assignee changes.
    const [claimed] = await this.dataSource.query<{ id: string; assignee_id: string; claimed_at: Date }[]>(
      `WITH before AS (SELECT id, assignee_id FROM applications WHERE id = $1 FOR UPDATE),
       claimed AS (
         UPDATE applications a SET assignee_id = $2, claimed_at = CASE WHEN a.assignee_id = $2 THEN a.claimed_at ELSE $4 END
           FROM before WHERE a.id = before.id AND ($3::text IS NULL OR a.association_code = $3) AND (a.assignee_id IS NULL OR a.assignee_id = $2)
           RETURNING a.id, a.assignee_id, a.claimed_at, before.assignee_id AS previous),
       logged AS (
         INSERT INTO application_activities (application_id, kind, actor_id, account_ids, occurred_at)
         SELECT id, 'claimed', $2, ARRAY[$2::uuid], $4 FROM claimed WHERE previous IS DISTINCT FROM assignee_id)
       SELECT id, assignee_id, claimed_at FROM claimed`,
      [applicationId, caller.id, staffAssociation(caller), this.clock.now()],
    );
    if (claimed) return assignment(claimed);
    const app = await findStaffApplication(this.dataSource, caller, applicationId); // 404 when not the caller's to see
    throw StaffProblems.alreadyClaimed(app.assignee_id!);
  }

  async assign(command: { caller: AuthenticatedAccount; applicationId: string; accountId: string | null }): Promise<Assignment> {
    const app = await findStaffApplication(this.dataSource, command.caller, command.applicationId);
    if (command.accountId !== null) {
      const [eligible] = await this.dataSource.query<unknown[]>(
        `SELECT 1 FROM accounts WHERE id = $1 AND roles && ARRAY['coordinator', 'administrator']
            AND (association_code = $2 OR (association_code IS NULL AND 'administrator' = ANY (roles)))`,
        [command.accountId, app.association_code],
      );
      if (!eligible) throw StaffProblems.invalidAssignee();
    }
    const [row] = await this.dataSource.query<{ id: string; assignee_id: string | null; claimed_at: Date | null }[]>(
      `WITH before AS (SELECT id, assignee_id FROM applications WHERE id = $1 FOR UPDATE),
       assigned AS (
         UPDATE applications a SET assignee_id = $2, claimed_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE $3::timestamptz END
           FROM before WHERE a.id = before.id
           RETURNING a.id, a.assignee_id, a.claimed_at, before.assignee_id AS previous),
       logged AS (
         INSERT INTO application_activities (application_id, kind, actor_id, account_ids, occurred_at)
         SELECT id, CASE WHEN assignee_id IS NULL THEN 'unassigned' ELSE 'assigned' END, $4, array_remove(ARRAY[assignee_id], NULL), $3
           FROM assigned WHERE previous IS DISTINCT FROM assignee_id)
       SELECT id, assignee_id, claimed_at FROM assigned`,
      [app.id, command.accountId, this.clock.now(), command.caller.id],
    );
    return assignment(row);
  }
}

function assignment(row: { id: string; assignee_id: string | null; claimed_at: Date | null }): Assignment {
  return { applicationId: row.id, assigneeId: row.assignee_id, claimedAt: row.claimed_at?.toISOString() ?? null };
}
