import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicationState } from '#workflow';
import { CURRENT_REFERENCE_COUNT, CURRENT_REFERENCES_FIRST, REFERENCE_STANDING_JSON } from '../references/reference-standing.view.js';
import type { ChecklistMark } from './cast-panel-vote.use-case.js';
import type { ReviewView } from './get-review.use-case.js';
import type { ReviewListItem } from './list-reviews.use-case.js';
import type { PanelVote, Recommendation } from './panel-outcome.js';
import { CURRENT_ROUND } from './panel-round.js';

export interface PanelApplication {
  state: ApplicationState;
  version: number;
  association_code: string;
  applicant_id: string;
  round: number;
}

/** A reviewer as their panel emails address them. */
export interface PanelReviewer {
  id: string;
  email: string;
  full_name: string;
}

export interface NewPanelVote {
  applicationId: string;
  round: number;
  reviewerId: string;
  recommendation: Recommendation;
  checklist: Record<string, ChecklistMark>;
  notes: string | null;
  createdAt: Date;
}

const MAX_REVIEWS = 200;

/** Review panels: who sits on each round of an application (panel_assignments) and how they voted (panel_votes). */
@Injectable()
export class PanelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the application (in the association given, any when null) for the rest of the caller's
   * transaction, then reads it and its current round. The read is a statement of its own so that its
   * snapshot sees whatever the previous holder of the lock committed (a new round, a vote).
   */
  async lockApplication(
    applicationId: string,
    associationCode: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PanelApplication | undefined> {
    const locked = await manager.query<unknown[]>(`SELECT id FROM applications WHERE id = $1 AND ($2::text IS NULL OR association_code = $2) FOR UPDATE`, [
      applicationId,
      associationCode,
    ]);
    if (!locked.length) return undefined;
    const [app] = await manager.query<PanelApplication[]>(
      `SELECT a.state, a.version, a.association_code, a.applicant_id, ${CURRENT_ROUND} AS round FROM applications a WHERE a.id = $1`,
      [applicationId],
    );
    return app;
  }

  /** The votes of one review round, in the order they came in. */
  async roundVotes(applicationId: string, round: number, manager: EntityManager = this.dataSource.manager): Promise<PanelVote[]> {
    return manager.query<PanelVote[]>(
      `SELECT reviewer_id AS "reviewerId", recommendation, notes, created_at AS "votedAt"
         FROM panel_votes WHERE application_id = $1 AND round = $2 ORDER BY created_at, id`,
      [applicationId, round],
    );
  }

  /** A reviewer's work: applications in panel review assigned to them this round in their association, not yet voted on. */
  async listOpenReviews(reviewerId: string, associationCode: string | null): Promise<ReviewListItem[]> {
    return this.dataSource.query<ReviewListItem[]>(
      `SELECT a.id AS "applicationId", p.full_name AS "applicantName", a.rules->>'displayName' AS category, pa.round, pa.assigned_at AS "assignedAt"
         FROM panel_assignments pa JOIN applications a ON a.id = pa.application_id JOIN people p ON p.id = a.applicant_id
        WHERE pa.reviewer_id = $1 AND a.state = 'panel_review' AND a.association_code = $2 AND pa.round = ${CURRENT_ROUND}
          AND NOT EXISTS (SELECT 1 FROM panel_votes v WHERE v.application_id = a.id AND v.round = pa.round AND v.reviewer_id = $1)
        ORDER BY pa.assigned_at, a.id LIMIT ${MAX_REVIEWS}`,
      [reviewerId, associationCode],
    );
  }

  /** The application as its reviewer reads it, if assigned to them in its current round in their association. */
  async findReview(applicationId: string, reviewerId: string, associationCode: string | null): Promise<Omit<ReviewView, 'competencyDomains'> | undefined> {
    const [review] = await this.dataSource.query<Omit<ReviewView, 'competencyDomains'>[]>(
      `SELECT a.id AS "applicationId", a.state, a.version, p.full_name AS "applicantName", a.rules->>'displayName' AS category, pa.round, a.portfolio,
              ${CURRENT_REFERENCE_COUNT} AS "currentReferenceCount",
              coalesce((SELECT json_agg(json_build_object('role', r.role, 'raterName', r.rater_name, 'status', r.status, 'rating', r.rating,
                                                          'ratedAt', r.rated_at, 'vetted', r.vetted_at IS NOT NULL,${REFERENCE_STANDING_JSON}) ORDER BY ${CURRENT_REFERENCES_FIRST})
                          FROM application_references r WHERE r.application_id = a.id), '[]') AS "references",
              (SELECT json_build_object('recommendation', v.recommendation, 'checklist', v.checklist, 'notes', v.notes, 'votedAt', v.created_at)
                 FROM panel_votes v WHERE v.application_id = a.id AND v.round = pa.round AND v.reviewer_id = $2) AS "yourVote"
         FROM applications a JOIN people p ON p.id = a.applicant_id
         JOIN panel_assignments pa ON pa.application_id = a.id AND pa.reviewer_id = $2 AND pa.round = ${CURRENT_ROUND}
        WHERE a.id = $1 AND a.association_code = $3`,
      [applicationId, reviewerId, associationCode],
    );
    return review;
  }

  /** Those of the accounts who may review the application: reviewers of its association, never the applicant themself. */
  async findEligibleReviewers(
    accountIds: string[],
    associationCode: string,
    applicantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PanelReviewer[]> {
    return manager.query<PanelReviewer[]>(
      `SELECT a.id, p.email, p.full_name FROM accounts a JOIN people p ON p.id = a.person_id
        WHERE a.id = ANY($1::uuid[]) AND 'reviewer' = ANY(a.roles) AND a.association_code = $2 AND a.person_id <> $3`,
      [accountIds, associationCode, applicantId],
    );
  }

  /** How many votes the round has. */
  async countRoundVotes(applicationId: string, round: number, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ votes }] = await manager.query<{ votes: number }[]>(`SELECT count(*)::int AS votes FROM panel_votes WHERE application_id = $1 AND round = $2`, [
      applicationId,
      round,
    ]);
    return votes;
  }

  /** Takes the round's reviewers off its panel; returns who they were. */
  async removeRoundPanel(applicationId: string, round: number, manager: EntityManager = this.dataSource.manager): Promise<PanelReviewer[]> {
    const [previous] = await manager.query<[PanelReviewer[], number]>(
      `DELETE FROM panel_assignments pa USING accounts a, people p
        WHERE pa.application_id = $1 AND pa.round = $2 AND a.id = pa.reviewer_id AND p.id = a.person_id
        RETURNING a.id, p.email, p.full_name`,
      [applicationId, round],
    );
    return previous;
  }

  /** Seats the reviewers on the round's panel, by the actor, and puts it on the audit timeline; returns the activity's id. */
  async seatRoundPanel(
    applicationId: string,
    round: number,
    reviewerIds: string[],
    actorId: string,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [{ id: activityId }] = await manager.query<{ id: string }[]>(
      `WITH panel AS (
         INSERT INTO panel_assignments (application_id, round, reviewer_id, assigned_by, assigned_at) SELECT $1, $2, r, $4, $5 FROM unnest($3::uuid[]) AS r)
       INSERT INTO application_activities (application_id, kind, actor_id, account_ids, occurred_at) VALUES ($1, 'panel_assigned', $4, $3, $5) RETURNING id`,
      [applicationId, round, reviewerIds, actorId, now],
    );
    return activityId;
  }

  /** Whether the reviewer sits on the round's panel. */
  async isAssigned(applicationId: string, round: number, reviewerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM panel_assignments WHERE application_id = $1 AND round = $2 AND reviewer_id = $3`, [
      applicationId,
      round,
      reviewerId,
    ]);
    return rows.length > 0;
  }

  /** Records the reviewer's vote of the round; false when they have voted in it already. */
  async insertVote(vote: NewPanelVote, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO panel_votes (application_id, round, reviewer_id, recommendation, checklist, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (application_id, round, reviewer_id) DO NOTHING RETURNING id`,
      [vote.applicationId, vote.round, vote.reviewerId, vote.recommendation, vote.checklist, vote.notes, vote.createdAt],
    );
    return inserted.length > 0;
  }
}
