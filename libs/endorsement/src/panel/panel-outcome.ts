import type { WorkflowEvent } from '#workflow';

/** Two reviewers review each portfolio and must reach consensus (the domain's rule). */
export const PANEL_SIZE = 2;

export const RECOMMENDATIONS = ['endorse', 'defer', 'deny'] as const;

export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const PANEL_EVENTS: Readonly<Record<Recommendation, WorkflowEvent>> = { endorse: 'panel_endorse', defer: 'panel_defer', deny: 'panel_deny' };

export interface PanelVote {
  reviewerId: string;
  recommendation: Recommendation;
  notes: string | null;
  votedAt: Date;
}

/**
 * What the audit event of a panel's outcome records: who voted what, and when, in the order the votes
 * came in. Reviewers are named by account id; the staff timeline shows their names.
 */
export type PanelVotesPayload = {
  round: number;
  votes: { reviewerId: string; recommendation: Recommendation; votedAt: string }[];
};

export function panelVotesPayload(round: number, votes: readonly PanelVote[]): PanelVotesPayload {
  return { round, votes: votes.map((v) => ({ reviewerId: v.reviewerId, recommendation: v.recommendation, votedAt: v.votedAt.toISOString() })) };
}

/**
 * What two votes come to: agreement fires the shared recommendation, with the reviewers' notes as
 * the reason the applicant reads; disagreement escalates, naming only the recommendations (the notes
 * stay with the votes, where the deciding administrator reads them). Fewer votes: nothing yet.
 */
export function panelOutcome(votes: readonly Pick<PanelVote, 'recommendation' | 'notes'>[]): { event: WorkflowEvent; reason?: string } | null {
  if (votes.length < PANEL_SIZE) return null;
  const recommendations = [...new Set(votes.map((v) => v.recommendation))];
  if (recommendations.length > 1) {
    return { event: 'panel_escalate', reason: `The reviewers disagree: ${votes.map((v) => v.recommendation).join(' and ')}.` };
  }
  const notes = [...new Set(votes.map((v) => v.notes?.trim()).filter((n): n is string => Boolean(n)))];
  return { event: PANEL_EVENTS[recommendations[0]], reason: notes.length ? notes.join('\n\n') : undefined };
}
