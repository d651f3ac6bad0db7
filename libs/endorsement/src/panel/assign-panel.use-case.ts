import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import { staffAssociation } from '../staff/staff-scope.js';
import { StaffProblems } from '../staff/staff.problems.js';
import { lockPanelApplication } from './lock-panel-application.js';
import { PanelProblems } from './panel.problems.js';

export interface AssignPanelCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  /** Two distinct accounts (the schema checks count and distinctness). */
  reviewerIds: string[];
}

/**
 * A coordinator or administrator names the two reviewers of the current round: reviewers of the
 * application's association, never the applicant. Until one of them votes the panel may be changed.
 */
@Injectable()
export class AssignPanel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  execute(command: AssignPanelCommand): Promise<{ applicationId: string; round: number; reviewerIds: string[] }> {
    const { caller, applicationId, reviewerIds } = command;
    return this.dataSource.transaction(async (manager) => {
      const app = await lockPanelApplication(manager, applicationId, staffAssociation(caller));
      if (!app) throw StaffProblems.applicationNotFound();
      if (app.state !== 'panel_review') throw PanelProblems.notInPanelReview(app.state);
      const eligible = (await manager.query(
        `SELECT id FROM accounts WHERE id = ANY($1::uuid[]) AND 'reviewer' = ANY(roles) AND association_code = $2 AND person_id <> $3`,
        [reviewerIds, app.association_code, app.applicant_id],
      )) as { id: string }[];
      if (eligible.length !== reviewerIds.length) throw PanelProblems.reviewersNotEligible(reviewerIds.filter((id) => !eligible.some((e) => e.id === id)));
      const [{ votes }] = (await manager.query(`SELECT count(*)::int AS votes FROM panel_votes WHERE application_id = $1 AND round = $2`, [applicationId, app.round])) as {
        votes: number;
      }[];
      if (votes > 0) throw PanelProblems.votesAlreadyIn();
      await manager.query(`DELETE FROM panel_assignments WHERE application_id = $1 AND round = $2`, [applicationId, app.round]);
      await manager.query(
        `INSERT INTO panel_assignments (application_id, round, reviewer_id, assigned_by, assigned_at) SELECT $1, $2, r, $4, $5 FROM unnest($3::uuid[]) AS r`,
        [applicationId, app.round, reviewerIds, caller.id, this.clock.now()],
      );
      return { applicationId, round: app.round, reviewerIds };
    });
  }
}
