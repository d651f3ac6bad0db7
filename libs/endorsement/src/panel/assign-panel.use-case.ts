import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { EmailDeliveriesRepository } from '#mail';
import { Clock } from '#platform';
import { EmailHandover } from '../notifications/email-handover.js';
import { staffAssociation } from '../staff/staff-scope.js';
import { StaffProblems } from '../staff/staff.problems.js';
import { PanelProblems } from './panel.problems.js';
import { PanelRepository, type PanelReviewer } from './panel.repository.js';

export interface AssignPanelCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  /** Two distinct accounts (the schema checks count and distinctness). */
  reviewerIds: string[];
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
    private readonly panels: PanelRepository,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly emails: EmailHandover,
    private readonly clock: Clock,
  ) {}

  async execute(command: AssignPanelCommand): Promise<{ applicationId: string; round: number; reviewerIds: string[] }> {
    const { caller, applicationId, reviewerIds } = command;
    const now = this.clock.now();
    const { result, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      const app = await this.panels.lockApplication(applicationId, staffAssociation(caller), manager);
      if (!app) throw StaffProblems.applicationNotFound();
      if (app.state !== 'panel_review') throw PanelProblems.notInPanelReview(app.state);
      const eligible = await this.panels.findEligibleReviewers(reviewerIds, app.association_code, app.applicant_id, manager);
      if (eligible.length !== reviewerIds.length) throw PanelProblems.reviewersNotEligible(reviewerIds.filter((id) => !eligible.some((e) => e.id === id)));
      if ((await this.panels.countRoundVotes(applicationId, app.round, manager)) > 0) throw PanelProblems.votesAlreadyIn();
      const previous = await this.panels.removeRoundPanel(applicationId, app.round, manager);
      const activityId = await this.panels.seatRoundPanel(applicationId, app.round, reviewerIds, caller.id, now, manager);
      // Reviewers who join are asked; those taken off are told they need not review. Someone kept hears nothing new.
      const email = (reviewer: PanelReviewer, template: 'panel_assigned' | 'panel_released') => ({
        businessKey: `panel-change-${activityId}-${template}-${reviewer.id}`,
        applicationId,
        template,
        recipientKind: 'reviewer' as const,
        recipientEmail: reviewer.email,
        recipientName: reviewer.full_name,
      });
      const deliveryIds = await this.ledger.record(
        [
          ...eligible.filter((r) => !previous.some((p) => p.id === r.id)).map((r) => email(r, 'panel_assigned')),
          ...previous.filter((p) => !reviewerIds.includes(p.id)).map((p) => email(p, 'panel_released')),
        ],
        now,
        manager,
      );
      return { result: { applicationId, round: app.round, reviewerIds }, deliveryIds };
    });
    await this.emails.send(deliveryIds);
    return result;
  }
}
