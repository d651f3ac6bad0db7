import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** application_references and reference_vetting_calls. */
@Injectable()
export class ReferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The application's open (not revoked) references: role and lower-cased rater address. */
  async findOpenRaters(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<{ role: string; email: string }[]> {
    return manager.query<{ role: string; email: string }[]>(
      `SELECT role, lower(rater_email) AS email FROM application_references WHERE application_id = $1 AND revoked_at IS NULL`,
      [applicationId],
    );
  }
}
