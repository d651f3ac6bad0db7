import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hashRaterLinkToken, raterLinkToken } from '#auth';
import type { Association } from '#framework';
import type { NewDelivery } from '#mail';
import type { RemindersRepository } from '../reminders/reminders.repository.js';
import type { ReferencesRepository } from './references.repository.js';

const DAY_MS = 24 * 3600 * 1000;

/** Where a reference request is written: its row and the reminders that chase it. */
export interface ReferenceRequestRepositories {
  references: ReferencesRepository;
  reminders: RemindersRepository;
}

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
  { references, reminders }: ReferenceRequestRepositories,
  rater: RaterToRequest,
  association: Association,
  linkSecret: string,
  now: Date,
  manager: EntityManager,
): Promise<NewDelivery> {
  const id = randomUUID();
  const { linkValidDays, reminderDaysAfter, escalationDay } = association.references;
  await references.insertRequested(
    { id, ...rater, tokenHash: hashRaterLinkToken(raterLinkToken(linkSecret, id)), tokenExpiresAt: new Date(now.getTime() + linkValidDays * DAY_MS) },
    now,
    manager,
  );
  await reminders.scheduleForReference(
    id,
    rater.applicationId,
    [...reminderDaysAfter.map((days) => ({ kind: 'reference_reminder', days })), { kind: 'reference_overdue', days: escalationDay }],
    now,
    manager,
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
