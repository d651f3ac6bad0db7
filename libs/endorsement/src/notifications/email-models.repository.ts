import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RulesSnapshot } from '#framework';

/** What an application-bound delivery names: the application, and the event, reference and exam attempt of its context. */
export interface FactsWanted {
  /** The delivery's index in its batch: the row it answers. */
  i: number;
  application_id: string | null;
  event_id: string | null;
  reference_id: string | null;
  attempt_no: number | null;
}

/** What an email about an application says, read at send time. */
export interface ApplicationFacts {
  application_id: string;
  association_code: string;
  rules: RulesSnapshot;
  applicant_name: string;
  raters: { raterName: string; role: string }[];
  endorsement_number: string | null;
  renewal_due_on: string | null;
  /** The display names of the person's endorsements on this one's renewal cycle (same association and due day). */
  cycle_category_names: string[] | null;
  exam_approved_at: Date | null;
  reinstatement: boolean;
  registry_listed: boolean;
  reason: string | null;
  reference_id: string | null;
  rater_name: string | null;
  rater_role: string | null;
  token_expires_at: Date | null;
  /** The exam attempt the delivery's context names (exam_registered, exam_reminder). */
  exam_sits_on: string | null;
  exam_online: boolean | null;
  exam_location: string | null;
  candidate_code: string | null;
}

/** The account token an account email links with, and the account's roles and association. */
export interface AccountTokenFacts {
  id: string;
  expires_at: Date;
  purpose: string;
  roles: string[];
  association_code: string | null;
}

/** A member of staff, or the association's team inbox (no account). */
export interface StaffRecipient {
  accountId: string | null;
  email: string;
  name: string;
}

/** The reads that emails are built from (models at send time, and who on the staff or which applicant receives them). */
@Injectable()
export class EmailModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The facts of many deliveries in one query, each row with the index `i` it was asked for; none for an application not found. */
  async applicationFacts(wanted: readonly FactsWanted[]): Promise<(ApplicationFacts & { i: number })[]> {
    return this.dataSource.query<(ApplicationFacts & { i: number })[]>(
      `SELECT d.i, a.id AS application_id, a.association_code, a.rules, p.full_name AS applicant_name, a.portfolio->'references' AS raters,
              a.endorsement_number, to_char(a.renewal_due_on, 'YYYY-MM-DD') AS renewal_due_on, a.exam_approved_at,
              CASE WHEN e.payload ? 'dueOn'
                   -- A renewal step: the endorsements the same step of the same cycle moved.
                   THEN (SELECT array_agg(DISTINCT o.rules->>'displayName' ORDER BY o.rules->>'displayName') FROM applications o
                           JOIN application_events oe ON oe.application_id = o.id AND oe.event = e.event AND oe.payload->>'dueOn' = e.payload->>'dueOn'
                          WHERE o.applicant_id = a.applicant_id AND o.association_code = a.association_code)
                   -- A reminder: the endorsements open on the same due day.
                   ELSE (SELECT array_agg(o.rules->>'displayName' ORDER BY o.rules->>'displayName') FROM applications o
                          WHERE o.applicant_id = a.applicant_id AND o.association_code = a.association_code AND o.state = a.state
                            AND o.renewal_due_on = a.renewal_due_on) END AS cycle_category_names,
              a.reinstatement, a.registry_listed, e.reason, r.id AS reference_id, r.rater_name, r.role AS rater_role, r.token_expires_at,
              to_char(x.sat_on, 'YYYY-MM-DD') AS exam_sits_on, w.online AS exam_online, w.location AS exam_location, x.candidate_code
         FROM jsonb_to_recordset($1::jsonb) AS d(i int, application_id uuid, event_id bigint, reference_id uuid, attempt_no int)
         JOIN applications a ON a.id = d.application_id JOIN people p ON p.id = a.applicant_id
         LEFT JOIN application_events e ON e.id = d.event_id
         LEFT JOIN application_references r ON r.id = d.reference_id
         LEFT JOIN exam_attempts x ON x.application_id = d.application_id AND x.attempt_no = d.attempt_no
         LEFT JOIN exam_windows w ON w.id = x.window_id`,
      [JSON.stringify(wanted)],
    );
  }

  /** The account token an invitation or password reset links with. */
  async accountTokenFacts(accountTokenId: string): Promise<AccountTokenFacts | undefined> {
    const [row] = await this.dataSource.query<AccountTokenFacts[]>(
      `SELECT t.id, t.expires_at, t.purpose, a.roles, a.association_code
         FROM account_tokens t JOIN accounts a ON a.id = t.account_id
        WHERE t.id = $1`,
      [accountTokenId],
    );
    return row;
  }

  /**
   * The staff who hear about an application: for coordinators' notices whoever it is assigned to, for
   * administrators' the association's administrators; only those who have signed in (set a password).
   */
  async staffRecipients(
    applicationId: string,
    audience: 'coordinator' | 'administrator',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StaffRecipient[]> {
    return manager.query<StaffRecipient[]>(
      audience === 'coordinator'
        ? `SELECT ac.id AS "accountId", ac.email, p.full_name AS name FROM applications a
             JOIN accounts ac ON ac.id = a.assignee_id JOIN people p ON p.id = ac.person_id
            WHERE a.id = $1 AND ac.password_hash IS NOT NULL`
        : `SELECT ac.id AS "accountId", ac.email, p.full_name AS name FROM accounts ac JOIN people p ON p.id = ac.person_id
            WHERE ac.association_code = (SELECT association_code FROM applications WHERE id = $1)
              AND 'administrator' = ANY (ac.roles) AND ac.password_hash IS NOT NULL
            ORDER BY ac.created_at, ac.id`,
      [applicationId],
    );
  }

  /** The application's applicant, to write to (the application must exist). */
  async applicantOf(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<{ email: string; full_name: string }> {
    const [applicant] = await manager.query<{ email: string; full_name: string }[]>(
      `SELECT p.email, p.full_name FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`,
      [applicationId],
    );
    return applicant;
  }
}
