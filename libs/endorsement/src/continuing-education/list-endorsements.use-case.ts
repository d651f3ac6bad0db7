import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface EndorsementView {
  applicationId: string;
  categoryCode: string;
  trackCode: string | null;
  displayName: string;
  number: string;
  status: string;
  endorsedAt: Date | null;
  /** A calendar date (YYYY-MM-DD). */
  renewalDueOn: string | null;
  /** Whether the endorsee chose to appear in the public registry. */
  registryListed: boolean;
}

/** The endorsements a person holds or held (renewal due, lapsed, under reinstatement), oldest first. */
@Injectable()
export class ListEndorsements {
  constructor(private readonly dataSource: DataSource) {}

  async execute(personId: string): Promise<{ endorsements: EndorsementView[] }> {
    const endorsements = await this.dataSource.query<EndorsementView[]>(
      `SELECT id AS "applicationId", category_code AS "categoryCode", track_code AS "trackCode", rules->>'displayName' AS "displayName",
              endorsement_number AS number, state AS status, endorsed_at AS "endorsedAt", to_char(renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn",
              registry_listed AS "registryListed"
         FROM applications WHERE applicant_id = $1 AND endorsement_number IS NOT NULL ORDER BY endorsed_at, id`,
      [personId],
    );
    return { endorsements };
  }
}
