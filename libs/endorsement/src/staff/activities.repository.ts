import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** What staff did to an application, for its audit timeline (application_activities). */
@Injectable()
export class ActivitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A member of staff gave a rater a new address (or named another rater) for the applicant. */
  async recordRaterReplaced(applicationId: string, staffAccountId: string, referenceId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO application_activities (application_id, kind, actor_id, reference_id, occurred_at) VALUES ($1, 'rater_replaced', $2, $3, $4)`,
      [applicationId, staffAccountId, referenceId, now],
    );
  }
}
