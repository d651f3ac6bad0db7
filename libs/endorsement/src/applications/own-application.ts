import type { EntityManager } from 'typeorm';
import type { Portfolio, RulesSnapshot } from '#framework';
import type { ApplicationState } from '#workflow';
import { applicationNotFound } from './application-not-found.js';

/** An application as its applicant may see it. */
export interface OwnApplication {
  id: string;
  state: ApplicationState;
  version: number;
  association_code: string;
  category_code: string;
  track_code: string | null;
  rules: RulesSnapshot;
  portfolio: Portfolio;
  /** The applicant's own address, which no rater may have. */
  applicant_email: string;
  reinstatement: boolean;
  exam_approved_at: Date | null;
  endorsement_number: string | null;
  endorsed_at: Date | null;
  /** A calendar date (YYYY-MM-DD). */
  renewal_due_on: string | null;
  submitted_at: Date | null;
  state_changed_at: Date;
  created_at: Date;
  updated_at: Date;
}

export const OWN_APPLICATION_COLUMNS = `a.id, a.state, a.version, a.association_code, a.category_code, a.track_code, a.rules, a.portfolio,
  a.reinstatement, a.exam_approved_at, a.endorsement_number, a.endorsed_at, to_char(a.renewal_due_on, 'YYYY-MM-DD') AS renewal_due_on,
  a.submitted_at, a.state_changed_at, a.created_at, a.updated_at, (SELECT p.email FROM people p WHERE p.id = a.applicant_id) AS applicant_email`;

/**
 * The caller's application, or a 404 problem when it does not exist or belongs to someone else.
 * With `lock`, the row stays locked until the caller's transaction ends.
 */
export async function findOwnApplication(db: Pick<EntityManager, 'query'>, personId: string, applicationId: string, lock = false): Promise<OwnApplication> {
  const [app] = await db.query<OwnApplication[]>(
    `SELECT ${OWN_APPLICATION_COLUMNS} FROM applications a WHERE a.id = $1 AND a.applicant_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [applicationId, personId],
  );
  if (!app) throw applicationNotFound();
  return app;
}
