import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { CURRENT_REFERENCE_COUNT, CURRENT_REFERENCES_FIRST, REFERENCE_STANDING_JSON, type ReferenceStandingFields } from '../references/reference-standing.view.js';
import { CURRENT_ROUND } from './panel-round.js';
import { PanelProblems } from './panel.problems.js';

/** What a reviewer reads: the portfolio, the references with their ratings and whether they still count, and their own vote. */
export interface ReviewView {
  applicationId: string;
  state: string;
  version: number;
  applicantName: string;
  category: string;
  round: number;
  portfolio: Record<string, unknown>;
  /** Current references first; replaced and revoked ones are marked so, and not counted. */
  references: ({ role: string; raterName: string; status: string; rating: unknown; ratedAt: string | null; vetted: boolean } & ReferenceStandingFields)[];
  currentReferenceCount: number;
  /** The checklist's rows: one per competency domain. */
  competencyDomains: { code: string; label: string }[];
  yourVote: { recommendation: string; checklist: Record<string, string>; notes: string | null; votedAt: string } | null;
}

/** One application assigned to the caller in its current round; 404 for any other. */
@Injectable()
export class GetReview {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(caller: AuthenticatedAccount, applicationId: string): Promise<ReviewView> {
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
      [applicationId, caller.id, caller.associationCode],
    );
    if (!review) throw PanelProblems.reviewNotFound();
    return { ...review, competencyDomains: this.framework.competencyDomains.map(({ code, label }) => ({ code, label })) };
  }
}
