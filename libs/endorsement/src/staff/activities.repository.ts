import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActivityEntry } from './get-application-timeline.use-case.js';

/** An application_activities row as the staff timeline shows it, names joined in. */
export interface ActivityRow {
  kind: ActivityEntry['kind'];
  actor_id: string;
  actor_name: string | null;
  accounts: ActivityEntry['accounts'];
  reference: ActivityEntry['reference'] | null;
  occurred_at: Date;
}

/**
 * What staff did to an application besides transitions (application_activities): claims, assignments,
 * panels set, raters given a new address.
 */
@Injectable()
export class ActivitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The application's activities, oldest first, with the names of the actor, the accounts concerned and the reference. */
  async listForTimeline(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<ActivityRow[]> {
    return manager.query<ActivityRow[]>(
      `SELECT t.kind, t.actor_id, (SELECT p.full_name FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = t.actor_id) AS actor_name,
              ARRAY(SELECT json_build_object('id', a.id, 'name', p.full_name) FROM unnest(t.account_ids) WITH ORDINALITY AS n(id, i)
                      JOIN accounts a ON a.id = n.id JOIN people p ON p.id = a.person_id ORDER BY n.i) AS accounts,
              (SELECT json_build_object('id', r.id, 'raterName', r.rater_name, 'role', r.role) FROM application_references r WHERE r.id = t.reference_id) AS reference,
              t.occurred_at
         FROM application_activities t WHERE t.application_id = $1 ORDER BY t.id`,
      [applicationId],
    );
  }

  /** A member of staff gave a rater a new address (or named another rater) for the applicant. */
  async recordRaterReplaced(
    applicationId: string,
    staffAccountId: string,
    referenceId: string,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application_activities (application_id, kind, actor_id, reference_id, occurred_at) VALUES ($1, 'rater_replaced', $2, $3, $4)`,
      [applicationId, staffAccountId, referenceId, now],
    );
  }
}
