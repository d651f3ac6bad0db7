import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hashRaterLinkToken, raterLinkToken } from '#auth';
import type { Association } from '#framework';
import type { NewDelivery } from '#mail';

const DAY_MS = 24 * 3600 * 1000;

export interface RaterToRequest {
  applicationId: string;
  role: string;
  raterName: string;
  raterEmail: string;
  waivedAccess: boolean;
}

/**
 * Opens one reference: a row whose link is stored only as a hash and expires after the
 * association's validity, the reminders that chase it, and the request email to the rater.
 */
export async function requestReference(
  manager: EntityManager,
  rater: RaterToRequest,
  association: Association,
  linkSecret: string,
  now: Date,
): Promise<NewDelivery> {
  const id = randomUUID();
  const { linkValidDays, reminderDaysAfter, escalationDay } = association.references;
  await manager.query(
    `INSERT INTO application_references (id, application_id, role, rater_name, rater_email, waived_access, status, token_hash, token_expires_at, requested_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9, $9)`,
    [id, rater.applicationId, rater.role, rater.raterName, rater.raterEmail, rater.waivedAccess, hashRaterLinkToken(raterLinkToken(linkSecret, id)), new Date(now.getTime() + linkValidDays * DAY_MS), now],
  );
  const reminders = [
    ...reminderDaysAfter.map((days) => ({ kind: 'reference_reminder', days })),
    { kind: 'reference_overdue', days: escalationDay },
  ];
  await manager.query(
    `INSERT INTO reminders (kind, subject_key, application_id, reference_id, offset_days, due_at, created_at)
     SELECT r->>'kind', $1::text, $2::uuid, $1::uuid, (r->>'days')::int, $3::timestamptz + make_interval(days => (r->>'days')::int), $3
       FROM jsonb_array_elements($4::jsonb) AS r
     ON CONFLICT (kind, subject_key, offset_days) DO NOTHING`,
    [id, rater.applicationId, now, JSON.stringify(reminders)],
  );
  return {
    businessKey: `reference-${id}-request`,
    applicationId: rater.applicationId,
    referenceId: id,
    template: 'reference_request',
    recipientKind: 'rater',
    recipientEmail: rater.raterEmail,
    recipientName: rater.raterName,
  };
}
