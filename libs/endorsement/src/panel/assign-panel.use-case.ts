import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { EmailDeliveriesRepository } from '#mail';
import { Clock } from '#platform';
import { EmailHandover } from '../notifications/email-handover.js';
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

interface Reviewer {
  id: string;
  email: string;
  full_name: string;
}

/**
 * A coordinator or administrator names the two reviewers of the current round: reviewers of the
 * application's association, never the applicant. Until one of them votes the panel may be changed.
 * Reviewers who join the panel are emailed, and so are those taken off it.
 */
@Injectable()
export class AssignPanel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly emails: EmailHandover,
    private readonly clock: Clock,
  ) {}

  async execute(command: AssignPanelCommand): Promise<{ applicationId: string; round: number; reviewerIds: string[] }> {
    const { caller, applicationId, reviewerIds } = command;
    const now = this.clock.now();
    const { result, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      const app = await lockPanelApplication(manager, applicationId, staffAssociation(caller));
      if (!app) throw StaffProblems.applicationNotFound();
      if (app.state !== 'panel_review') throw PanelProblems.notInPanelReview(app.state);
      const eligible = await manager.query<Reviewer[]>(
        `SELECT a.id, p.email, p.full_name FROM accounts a JOIN people p ON p.id = a.person_id
          WHERE a.id = ANY($1::uuid[]) AND 'reviewer' = ANY(a.roles) AND a.association_code = $2 AND a.person_id <> $3`,
        [reviewerIds, app.association_code, app.applicant_id],
      );
      if (eligible.length !== reviewerIds.length) throw PanelProblems.reviewersNotEligible(reviewerIds.filter((id) => !eligible.some((e) => e.id === id)));
      const [{ votes }] = await manager.query<{
        votes: number;
      }[]>(`SELECT count(*)::int AS votes FROM panel_votes WHERE application_id = $1 AND round = $2`, [applicationId, app.round]);
      if (votes > 0) throw PanelProblems.votesAlreadyIn();
      const [previous] = await manager.query<[Reviewer[], number]>(
        `DELETE FROM panel_assignments pa USING accounts a, people p
          WHERE pa.application_id = $1 AND pa.round = $2 AND a.id = pa.reviewer_id AND p.id = a.person_id
          RETURNING a.id, p.email, p.full_name`,
        [applicationId, app.round],
      );
      const [{ id: activityId }] = await manager.query<{ id: string }[]>(
        `WITH panel AS (
           INSERT INTO panel_assignments (application_id, round, reviewer_id, assigned_by, assigned_at) SELECT $1, $2, r, $4, $5 FROM unnest($3::uuid[]) AS r)
         INSERT INTO application_activities (application_id, kind, actor_id, account_ids, occurred_at) VALUES ($1, 'panel_assigned', $4, $3, $5) RETURNING id`,
        [applicationId, app.round, reviewerIds, caller.id, now],
      );
      // Reviewers who join are asked; those taken off are told they need not review. Someone kept hears nothing new.
      const email = (reviewer: Reviewer, template: 'panel_assigned' | 'panel_released') => ({
        businessKey: `panel-change-${activityId}-${template}-${reviewer.id}`,
        applicationId,
        template,
        recipientKind: 'reviewer' as const,
        recipientEmail: reviewer.email,
        recipientName: reviewer.full_name,
      });
      const deliveryIds = await this.ledger.record(
        manager,
        [
          ...eligible.filter((r) => !previous.some((p) => p.id === r.id)).map((r) => email(r, 'panel_assigned')),
          ...previous.filter((p) => !reviewerIds.includes(p.id)).map((p) => email(p, 'panel_released')),
        ],
        now,
      );
      return { result: { applicationId, round: app.round, reviewerIds }, deliveryIds };
    });
    await this.emails.send(deliveryIds);
    return result;
  }
}
