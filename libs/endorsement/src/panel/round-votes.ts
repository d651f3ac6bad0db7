import type { EntityManager } from 'typeorm';
import type { PanelVote } from './panel-outcome.js';

/** The votes of one review round, in the order they came in. */
export function readRoundVotes(manager: EntityManager, applicationId: string, round: number): Promise<PanelVote[]> {
  return manager.query<PanelVote[]>(
    `SELECT reviewer_id AS "reviewerId", recommendation, notes, created_at AS "votedAt"
       FROM panel_votes WHERE application_id = $1 AND round = $2 ORDER BY created_at, id`,
    [applicationId, round],
  );
}
