import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import { staffAssociation } from './staff-scope.js';
import { StaffQueueRepository, type AssignmentRow } from './staff-queue.repository.js';
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
    private readonly staffQueue: StaffQueueRepository,
    private readonly clock: Clock,
  ) {}

  async claim(command: { caller: AuthenticatedAccount; applicationId: string }): Promise<Assignment> {
    const { caller, applicationId } = command;
    const claimed = await this.staffQueue.claim(applicationId, caller.id, staffAssociation(caller), this.clock.now());
    if (claimed) return assignment(claimed);
    const app = await this.staffQueue.findStaffApplication(caller, applicationId); // 404 when not the caller's to see
    throw StaffProblems.alreadyClaimed(app.assignee_id!);
  }

  async assign(command: { caller: AuthenticatedAccount; applicationId: string; accountId: string | null }): Promise<Assignment> {
    const app = await this.staffQueue.findStaffApplication(command.caller, command.applicationId);
    if (command.accountId !== null && !(await this.staffQueue.isEligibleAssignee(command.accountId, app.association_code)))
      throw StaffProblems.invalidAssignee();
    const row = await this.staffQueue.assign(app.id, command.accountId, command.caller.id, this.clock.now());
    return assignment(row);
  }
}

function assignment(row: AssignmentRow): Assignment {
  return { applicationId: row.id, assigneeId: row.assignee_id, claimedAt: row.claimed_at?.toISOString() ?? null };
}
