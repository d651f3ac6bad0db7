import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { CURRENT_ROUND } from './panel-round.js';

export interface ReviewListItem {
  applicationId: string;
  applicantName: string;
  category: string;
  round: number;
  assignedAt: Date;
}

const MAX_REVIEWS = 200;

/** A reviewer's work: applications in panel review assigned to them this round, not yet voted on. */
@Injectable()
export class ListReviews {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthenticatedAccount): Promise<{ reviews: ReviewListItem[] }> {
    const reviews = await this.dataSource.query<ReviewListItem[]>(
      `SELECT a.id AS "applicationId", p.full_name AS "applicantName", a.rules->>'displayName' AS category, pa.round, pa.assigned_at AS "assignedAt"
         FROM panel_assignments pa JOIN applications a ON a.id = pa.application_id JOIN people p ON p.id = a.applicant_id
        WHERE pa.reviewer_id = $1 AND a.state = 'panel_review' AND a.association_code = $2 AND pa.round = ${CURRENT_ROUND}
          AND NOT EXISTS (SELECT 1 FROM panel_votes v WHERE v.application_id = a.id AND v.round = pa.round AND v.reviewer_id = $1)
        ORDER BY pa.assigned_at, a.id LIMIT ${MAX_REVIEWS}`,
      [caller.id, caller.associationCode],
    );
    return { reviews };
  }
}
