import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApplicationHeading } from './application-heading.js';

export interface ApplicationSummary extends ApplicationHeading {
  endorsementNumber: string | null;
  stateChangedAt: Date;
}

/** The caller's own applications, newest first (an applicant has a handful, never a page's worth). */
@Injectable()
export class ListApplications {
  constructor(private readonly dataSource: DataSource) {}

  async execute(personId: string): Promise<{ applications: ApplicationSummary[] }> {
    const applications = (await this.dataSource.query(
      `SELECT id, association_code AS "associationCode", category_code AS "categoryCode", track_code AS "trackCode",
              rules->>'displayName' AS "displayName", state, version, endorsement_number AS "endorsementNumber",
              created_at AS "createdAt", state_changed_at AS "stateChangedAt"
         FROM applications WHERE applicant_id = $1 ORDER BY created_at DESC, id`,
      [personId],
    )) as ApplicationSummary[];
    return { applications };
  }
}
