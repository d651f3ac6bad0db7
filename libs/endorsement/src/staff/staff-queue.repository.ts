import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import type { RulesSnapshot } from '#framework';
import type { ApplicationState, Role } from '#workflow';
import { CURRENT_REFERENCE_COUNT, CURRENT_REFERENCES_FIRST, REFERENCE_STANDING_JSON } from '../references/reference-standing.view.js';
import { CURRENT_ROUND } from '../panel/panel-round.js';
import type { StaffApplicationDetail } from './get-staff-application.use-case.js';
import type { Colleague } from './list-colleagues.use-case.js';
import { staffAssociation } from './staff-scope.js';
import { StaffProblems } from './staff.problems.js';

export interface StaffApplicationRef {
  id: string;
  association_code: string;
  state: ApplicationState;
  version: number;
  assignee_id: string | null;
}

/** Who holds an application since when, after a claim or an assignment. */
export interface AssignmentRow {
  id: string;
  assignee_id: string | null;
  claimed_at: Date | null;
}

export interface StaffQueueFilter {
  /** Null: every association (an Alliance-wide administrator). */
  association: string | null;
  state?: ApplicationState;
  category?: string;
  /** An account id, null for unassigned, undefined for anyone. */
  assignee?: string | null;
  /** Only applications waiting in their state since at least then. */
  waitingSince?: Date;
  failedEmail?: boolean;
  /** The (waiting since, id) key of the previous page's last row. */
  after?: { waitingSince: string; id: string };
  limit: number;
}

export interface StaffQueueRow {
  id: string;
  applicant_name: string;
  association_code: string;
  category_code: string;
  track_code: string | null;
  state: ApplicationState;
  version: number;
  state_changed_at: Date;
  /** state_changed_at to the microsecond, for the cursor (a Date keeps milliseconds only). */
  waiting_key: string;
  assignee_id: string | null;
  assignee_name: string | null;
  failed_email: boolean;
}

/**
 * The staff queue listing, oldest wait first, as one parameterised statement. Only the filters given
 * become predicates, so each shape of the listing meets an index in its order (see the staff-review
 * migration) and stops after `limit` rows. The benchmark runs this same SQL raw as its baseline.
 */
export function staffQueueQuery(filter: StaffQueueFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (filter.association !== null) where.push(`a.association_code = ${param(filter.association)}`);
  if (filter.state) where.push(`a.state = ${param(filter.state)}`);
  if (filter.category) where.push(`a.category_code = ${param(filter.category)}`);
  if (filter.assignee === null) where.push(`a.assignee_id IS NULL`);
  else if (filter.assignee !== undefined) where.push(`a.assignee_id = ${param(filter.assignee)}`);
  if (filter.waitingSince) where.push(`a.state_changed_at <= ${param(filter.waitingSince)}`);
  // Failed deliveries are few: start from them rather than walk the queue looking for them.
  if (filter.failedEmail)
    where.push(`a.id = ANY (ARRAY(SELECT d.application_id FROM email_deliveries d WHERE d.status IN ('failed', 'bounced', 'suppressed')))`);
  if (filter.after) where.push(`(a.state_changed_at, a.id) > (${param(filter.after.waitingSince)}::timestamptz, ${param(filter.after.id)}::uuid)`);
  const sql = `
    SELECT a.id, p.full_name AS applicant_name, a.association_code, a.category_code, a.track_code, a.state, a.version, a.state_changed_at,
           to_char(a.state_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS waiting_key,
           a.assignee_id, ap.full_name AS assignee_name, ${FAILED_EMAIL} AS failed_email
      FROM applications a
      JOIN people p ON p.id = a.applicant_id
      LEFT JOIN accounts ac ON ac.id = a.assignee_id
      LEFT JOIN people ap ON ap.id = ac.person_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.state_changed_at, a.id
     LIMIT ${param(filter.limit)}`;
  return { sql, params };
}

// A message that could not be delivered (a 5xx answer, or retries exhausted) needs a person's eye.
// Refused, bounced later, or never sent (suppressed address): the partial index email_deliveries_failed_idx covers these.
const FAILED_EMAIL = `EXISTS (SELECT 1 FROM email_deliveries d WHERE d.application_id = a.id AND d.status IN ('failed', 'bounced', 'suppressed'))`;

// One statement: the application with its references (ratings, vetting calls, whether they still
// count), every email sent on its behalf (failed ones with the server's answer), exam attempts and panel votes.
const SELECT_DETAIL = `
  SELECT json_build_object(
    'id', a.id, 'associationCode', a.association_code, 'categoryCode', a.category_code, 'trackCode', a.track_code,
    'state', a.state, 'version', a.version, 'heldFrom', a.held_from, 'reinstatement', a.reinstatement,
    'frameworkVersion', a.framework_version, 'stateChangedAt', a.state_changed_at, 'submittedAt', a.submitted_at,
    'createdAt', a.created_at, 'amendedAt', a.amended_at, 'examApprovedAt', a.exam_approved_at,
    'endorsementNumber', a.endorsement_number, 'endorsedAt', a.endorsed_at, 'renewalDueOn', a.renewal_due_on, 'registryListed', a.registry_listed,
    'applicant', json_build_object('personId', p.id, 'name', p.full_name, 'email', p.email),
    'assignee', CASE WHEN a.assignee_id IS NOT NULL THEN json_build_object('id', a.assignee_id, 'name',
                  (SELECT sp.full_name FROM accounts sa JOIN people sp ON sp.id = sa.person_id WHERE sa.id = a.assignee_id), 'claimedAt', a.claimed_at) END,
    'portfolio', a.portfolio, 'currentReferenceCount', ${CURRENT_REFERENCE_COUNT},
    'references', (SELECT coalesce(json_agg(json_build_object(
        'id', r.id, 'role', r.role, 'raterName', r.rater_name, 'raterEmail', r.rater_email, 'waivedAccess', r.waived_access,
        'status', r.status, 'rating', r.rating, 'requestedAt', r.requested_at, 'ratedAt', r.rated_at, 'vettedAt', r.vetted_at, 'vettedBy', r.vetted_by,${REFERENCE_STANDING_JSON},
        'vettingCalls', (SELECT coalesce(json_agg(json_build_object('id', v.id, 'calledAt', v.called_at, 'outcome', v.outcome, 'notes', v.notes,
                                                                    'staffAccountId', v.staff_account_id) ORDER BY v.called_at), '[]')
                           FROM reference_vetting_calls v WHERE v.reference_id = r.id)
      ) ORDER BY ${CURRENT_REFERENCES_FIRST}), '[]') FROM application_references r WHERE r.application_id = a.id),
    'deliveries', (SELECT coalesce(json_agg(json_build_object(
        'id', d.id, 'template', d.template, 'recipientKind', d.recipient_kind, 'recipientName', d.recipient_name, 'recipientEmail', d.recipient_email,
        'referenceId', d.reference_id, 'status', d.status, 'attempts', d.attempts, 'smtpResponse', d.smtp_response, 'lastError', d.last_error,
        'createdAt', d.created_at, 'sentAt', d.sent_at
      ) ORDER BY d.created_at, d.id), '[]') FROM email_deliveries d WHERE d.application_id = a.id),
    'examAttempts', (SELECT coalesce(json_agg(json_build_object(
        'attemptNo', x.attempt_no, 'part1Percent', x.part1_percent, 'part2Percent', x.part2_percent, 'satOn', x.sat_on
      ) ORDER BY x.attempt_no), '[]') FROM exam_attempts x WHERE x.application_id = a.id),
    'panelVotes', (SELECT coalesce(json_agg(json_build_object(
        'round', v.round, 'reviewerId', v.reviewer_id, 'reviewerName', vp.full_name, 'recommendation', v.recommendation,
        'checklist', v.checklist, 'notes', v.notes, 'createdAt', v.created_at
      ) ORDER BY v.round, v.created_at), '[]')
      FROM panel_votes v LEFT JOIN accounts va ON va.id = v.reviewer_id LEFT JOIN people vp ON vp.id = va.person_id WHERE v.application_id = a.id),
    'panel', json_build_object('round', ${CURRENT_ROUND}, 'escalated', false, 'reviewers', (SELECT coalesce(json_agg(json_build_object('id', pa.reviewer_id, 'name', rp.full_name) ORDER BY rp.full_name), '[]')
      FROM panel_assignments pa JOIN accounts ra ON ra.id = pa.reviewer_id JOIN people rp ON rp.id = ra.person_id WHERE pa.application_id = a.id AND pa.round = ${CURRENT_ROUND}))
  ) AS detail, a.rules
    FROM applications a JOIN people p ON p.id = a.applicant_id
   WHERE a.id = $1 AND ($2::text IS NULL OR a.association_code = $2)`;

/**
 * What staff read of the applications of their association: the queues and their counts, one
 * application, the colleagues work is handed to; and who works on an application (claims, assignments).
 */
@Injectable()
export class StaffQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The application if the caller's association holds it; otherwise 404, whether or not it exists. */
  async findStaffApplication(
    caller: AuthenticatedAccount,
    applicationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StaffApplicationRef> {
    const [app] = await manager.query<StaffApplicationRef[]>(
      `SELECT id, association_code, state, version, assignee_id FROM applications WHERE id = $1 AND ($2::text IS NULL OR association_code = $2)`,
      [applicationId, staffAssociation(caller)],
    );
    if (!app) throw StaffProblems.applicationNotFound();
    return app;
  }

  /** The rows of the staff queue the filter selects: the statement staffQueueQuery builds. */
  async listQueue(filter: StaffQueueFilter): Promise<StaffQueueRow[]> {
    const { sql, params } = staffQueueQuery(filter);
    return this.dataSource.query<StaffQueueRow[]>(sql, params);
  }

  /** How many applications are in each state that has any, in the association given (every one when null). */
  async countByState(association: string | null): Promise<{ state: ApplicationState; count: number }[]> {
    return this.dataSource.query<{ state: ApplicationState; count: number }[]>(
      `SELECT state, count(*)::int AS count FROM applications WHERE $1::text IS NULL OR association_code = $1 GROUP BY state`,
      [association],
    );
  }

  /** The accounts holding a role in the association given (every one when null), by name. */
  async listColleagues(role: Role, association: string | null): Promise<Colleague[]> {
    return this.dataSource.query<Colleague[]>(
      `SELECT a.id, p.full_name AS name, a.association_code AS "associationCode", a.roles
         FROM accounts a JOIN people p ON p.id = a.person_id
        WHERE $1 = ANY (a.roles) AND ($2::text IS NULL OR a.association_code = $2)
        ORDER BY p.full_name, a.id`,
      [role, association],
    );
  }

  /** The application as staff review it (JSON built by PostgreSQL) and its pinned rules, if the association given holds it (any when null). */
  async findDetail(applicationId: string, association: string | null): Promise<{ detail: StaffApplicationDetail; rules: RulesSnapshot } | undefined> {
    const [row] = await this.dataSource.query<{ detail: StaffApplicationDetail; rules: RulesSnapshot }[]>(SELECT_DETAIL, [applicationId, association]);
    return row;
  }

  /**
   * The account takes the application if it is unassigned or already theirs, in the association given
   * (any when null); undefined when it is not (or not there). The claim goes on the audit timeline.
   */
  async claim(applicationId: string, accountId: string, association: string | null, now: Date): Promise<AssignmentRow | undefined> {
    // `before` locks the row first, so the audit entry is written only when the assignee changes.
    const [claimed] = await this.dataSource.query<AssignmentRow[]>(
      `WITH before AS (SELECT id, assignee_id FROM applications WHERE id = $1 FOR UPDATE),
       claimed AS (
         UPDATE applications a SET assignee_id = $2, claimed_at = CASE WHEN a.assignee_id = $2 THEN a.claimed_at ELSE $4 END
           FROM before WHERE a.id = before.id AND ($3::text IS NULL OR a.association_code = $3) AND (a.assignee_id IS NULL OR a.assignee_id = $2)
           RETURNING a.id, a.assignee_id, a.claimed_at, before.assignee_id AS previous),
       logged AS (
         INSERT INTO application_activities (application_id, kind, actor_id, account_ids, occurred_at)
         SELECT id, 'claimed', $2, ARRAY[$2::uuid], $4 FROM claimed WHERE previous IS DISTINCT FROM assignee_id)
       SELECT id, assignee_id, claimed_at FROM claimed`,
      [applicationId, accountId, association, now],
    );
    return claimed;
  }

  /** Whether the account is a coordinator or administrator of the association, or an Alliance-wide administrator. */
  async isEligibleAssignee(accountId: string, associationCode: string): Promise<boolean> {
    const [eligible] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM accounts WHERE id = $1 AND roles && ARRAY['coordinator', 'administrator']
          AND (association_code = $2 OR (association_code IS NULL AND 'administrator' = ANY (roles)))`,
      [accountId, associationCode],
    );
    return eligible !== undefined;
  }

  /** Hands the application to the account (nobody when null), by the actor; a change of hands goes on the audit timeline. */
  async assign(applicationId: string, assigneeId: string | null, actorId: string, now: Date): Promise<AssignmentRow> {
    const [row] = await this.dataSource.query<AssignmentRow[]>(
      `WITH before AS (SELECT id, assignee_id FROM applications WHERE id = $1 FOR UPDATE),
       assigned AS (
         UPDATE applications a SET assignee_id = $2, claimed_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE $3::timestamptz END
           FROM before WHERE a.id = before.id
           RETURNING a.id, a.assignee_id, a.claimed_at, before.assignee_id AS previous),
       logged AS (
         INSERT INTO application_activities (application_id, kind, actor_id, account_ids, occurred_at)
         SELECT id, CASE WHEN assignee_id IS NULL THEN 'unassigned' ELSE 'assigned' END, $4, array_remove(ARRAY[assignee_id], NULL), $3
           FROM assigned WHERE previous IS DISTINCT FROM assignee_id)
       SELECT id, assignee_id, claimed_at FROM assigned`,
      [applicationId, assigneeId, now, actorId],
    );
    return row;
  }
}
