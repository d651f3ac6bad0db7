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
 */
@Injectable()
export class AssignApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async claim(command: { caller: AuthenticatedAccount; applicationId: string }): Promise<Assignment> {
    const { caller, applicationId } = command;
    const [claimed] = (await this.dataSource.query(
      `UPDATE applications SET assignee_id = $2, claimed_at = CASE WHEN assignee_id = $2 THEN claimed_at ELSE $4 END
        WHERE id = $1 AND ($3::text IS NULL OR association_code = $3) AND (assignee_id IS NULL OR assignee_id = $2)
        RETURNING id, assignee_id, claimed_at`,
      [applicationId, caller.id, staffAssociation(caller), this.clock.now()],
    )) as [{ id: string; assignee_id: string; claimed_at: Date }[], number];
    if (claimed[0]) return assignment(claimed[0]);
    const app = await findStaffApplication(this.dataSource, caller, applicationId); // 404 when not the caller's to see
    throw StaffProblems.alreadyClaimed(app.assignee_id!);
  }

  async assign(command: { caller: AuthenticatedAccount; applicationId: string; accountId: string | null }): Promise<Assignment> {
    const app = await findStaffApplication(this.dataSource, command.caller, command.applicationId);
    if (command.accountId !== null) {
      const [eligible] = (await this.dataSource.query(
        `SELECT 1 FROM accounts WHERE id = $1 AND roles && ARRAY['coordinator', 'administrator']
            AND (association_code = $2 OR (association_code IS NULL AND 'administrator' = ANY (roles)))`,
        [command.accountId, app.association_code],
      )) as unknown[];
      if (!eligible) throw StaffProblems.invalidAssignee();
    }
    const [[row]] = (await this.dataSource.query(
      `UPDATE applications SET assignee_id = $2, claimed_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE $3::timestamptz END WHERE id = $1
        RETURNING id, assignee_id, claimed_at`,
      [app.id, command.accountId, this.clock.now()],
    )) as [{ id: string; assignee_id: string | null; claimed_at: Date | null }[], number];
    return assignment(row);
  }
}

function assignment(row: { id: string; assignee_id: string | null; claimed_at: Date | null }): Assignment {
  return { applicationId: row.id, assigneeId: row.assignee_id, claimedAt: row.claimed_at?.toISOString() ?? null };
}
