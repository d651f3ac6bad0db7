import type { ApplicationState } from '#workflow';

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
  if (filter.failedEmail) where.push(`a.id = ANY (ARRAY(SELECT d.application_id FROM email_deliveries d WHERE d.status IN ('failed', 'bounced', 'suppressed')))`);
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
