import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { OutboxNotifier } from '#db';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { lockPanelApplication } from './lock-panel-application.js';
import { panelOutcome, panelVotesPayload, type Recommendation } from './panel-outcome.js';
import { PanelProblems } from './panel.problems.js';
import { readRoundVotes } from './round-votes.js';

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
      const app = await lockPanelApplication(manager, applicationId, caller.associationCode);
      if (!app || !(await this.isAssigned(manager, applicationId, app.round, caller.id))) throw PanelProblems.reviewNotFound();
      if (app.state !== 'panel_review') throw PanelProblems.notInPanelReview(app.state);
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO panel_votes (application_id, round, reviewer_id, recommendation, checklist, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (application_id, round, reviewer_id) DO NOTHING RETURNING id`,
        [applicationId, app.round, caller.id, command.recommendation, command.checklist, command.notes?.trim() || null, this.clock.now()],
      );
      if (!inserted.length) throw PanelProblems.alreadyVoted();
      const votes = await readRoundVotes(manager, applicationId, app.round);
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

  private async isAssigned(manager: EntityManager, applicationId: string, round: number, reviewerId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM panel_assignments WHERE application_id = $1 AND round = $2 AND reviewer_id = $3`, [applicationId, round, reviewerId]);
    return rows.length > 0;
  }

  /** Exactly the framework's competency domains, each marked once. */
  private checkChecklist(checklist: Record<string, ChecklistMark>): void {
    const codes = this.framework.competencyDomains.map((d) => d.code);
    const errors = [
      ...codes.filter((code) => !(code in checklist)).map((code) => ({ field: `checklist.${code}`, message: 'is required: mark every competency domain met or not_met' })),
      ...Object.keys(checklist).filter((key) => !codes.includes(key)).map((key) => ({ field: `checklist.${key}`, message: 'is not a competency domain' })),
    ];
    if (errors.length) throw PanelProblems.checklistMismatch(errors);
  }
}
