import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { OutboxNotifier } from '#db';
import { staffAssociation } from '../staff/staff-scope.js';
import { StaffProblems } from '../staff/staff.problems.js';
import { transitionProblem } from '../staff/transition-problem.js';
import { TransitionConflictError } from '../transition/transition.errors.js';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { PANEL_EVENTS, panelOutcome, panelVotesPayload, type Recommendation } from './panel-outcome.js';
import { PanelProblems } from './panel.problems.js';
import { PanelRepository } from './panel.repository.js';

export interface DecideEscalatedPanelCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  /** From If-Match: the version the caller acted on. */
  expectedVersion: number;
  recommendation: Recommendation;
  reason?: string;
}

/** When the two reviewers of the current round disagreed, an administrator decides; the event records both votes. */
@Injectable()
export class DecideEscalatedPanel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly panels: PanelRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(command: DecideEscalatedPanelCommand): Promise<{ applicationId: string; state: string; version: number }> {
    const { caller, applicationId } = command;
    const result = await this.dataSource
      .transaction(async (manager) => {
        const app = await this.panels.lockApplication(applicationId, staffAssociation(caller), manager);
        if (!app) throw StaffProblems.applicationNotFound();
        // The version first: a caller who saw an older state learns what it is now.
        if (app.version !== command.expectedVersion) throw new TransitionConflictError(applicationId, app.state, app.version, command.expectedVersion);
        const votes = await this.panels.roundVotes(applicationId, app.round, manager);
        if (app.state !== 'panel_review' || panelOutcome(votes)?.event !== 'panel_escalate') throw PanelProblems.notEscalated();
        return this.transition.executeIn(manager, {
          applicationId,
          event: PANEL_EVENTS[command.recommendation],
          actor: { id: caller.id, role: 'administrator' },
          expectedVersion: command.expectedVersion,
          reason: command.reason,
          // The decision's event shows the split it settled.
          payload: panelVotesPayload(app.round, votes),
        });
      })
      .catch((error: unknown) => {
        throw transitionProblem(error);
      });
    this.outbox.poke();
    return { applicationId, state: result.to, version: result.version };
  }
}
