import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { OutboxNotifier } from '#db';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { panelOutcome, panelVotesPayload, type Recommendation } from './panel-outcome.js';
import { PanelProblems } from './panel.problems.js';
import { PanelRepository } from './panel.repository.js';

export type ChecklistMark = 'met' | 'not_met';

export interface CastPanelVoteCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  /** One mark per competency domain of the framework, keyed by its code. */
  checklist: Record<string, ChecklistMark>;
  recommendation: Recommendation;
  notes?: string;
}

export interface CastPanelVoteResult {
  applicationId: string;
  round: number;
  votesIn: number;
  /** The event the panel's votes fired, once both are in. */
  outcome: string | null;
}

/**
 * An assigned reviewer votes once per round. The second vote settles the round in the same
 * transaction: agreement fires the shared recommendation, disagreement escalates to an administrator;
 * either event records both votes.
 */
@Injectable()
export class CastPanelVote {
  constructor(
    private readonly dataSource: DataSource,
    private readonly panels: PanelRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: CastPanelVoteCommand): Promise<CastPanelVoteResult> {
    this.checkChecklist(command.checklist);
    if (command.recommendation !== 'endorse' && !command.notes?.trim()) throw PanelProblems.notesRequired();
    const { caller, applicationId } = command;
    const result = await this.dataSource.transaction(async (manager) => {
      // The application row's lock serialises the two votes: exactly one of them sees both.
      const app = await this.panels.lockApplication(applicationId, caller.associationCode, manager);
      if (!app || !(await this.panels.isAssigned(applicationId, app.round, caller.id, manager))) throw PanelProblems.reviewNotFound();
      if (app.state !== 'panel_review') throw PanelProblems.notInPanelReview(app.state);
      const inserted = await this.panels.insertVote(
        {
          applicationId,
          round: app.round,
          reviewerId: caller.id,
          recommendation: command.recommendation,
          checklist: command.checklist,
          notes: command.notes?.trim() || null,
          createdAt: this.clock.now(),
        },
        manager,
      );
      if (!inserted) throw PanelProblems.alreadyVoted();
      const votes = await this.panels.roundVotes(applicationId, app.round, manager);
      const outcome = panelOutcome(votes);
      if (outcome) {
        await this.transition.executeIn(manager, {
          applicationId,
          event: outcome.event,
          actor: { id: null, role: 'system' },
          reason: outcome.reason,
          payload: panelVotesPayload(app.round, votes),
        });
      }
      return { applicationId, round: app.round, votesIn: votes.length, outcome: outcome?.event ?? null };
    });
    if (result.outcome) this.outbox.poke();
    return result;
  }

  /** Exactly the framework's competency domains, each marked once. */
  private checkChecklist(checklist: Record<string, ChecklistMark>): void {
    const codes = this.framework.competencyDomains.map((d) => d.code);
    const errors = [
      ...codes
        .filter((code) => !(code in checklist))
        .map((code) => ({ field: `checklist.${code}`, message: 'is required: mark every competency domain met or not_met' })),
      ...Object.keys(checklist)
        .filter((key) => !codes.includes(key))
        .map((key) => ({ field: `checklist.${key}`, message: 'is not a competency domain' })),
    ];
    if (errors.length) throw PanelProblems.checklistMismatch(errors);
  }
}
