import type { EntityManager } from 'typeorm';
import type { Association } from '#framework';
import type { EmailModelsRepository, StaffRecipient } from './email-models.repository.js';

/** The association's endorsement inbox (`coordinatorEmail` in its file): for when nobody is named. */
export function teamInbox(association: Association): StaffRecipient {
  return { accountId: null, email: association.coordinatorEmail, name: `${association.name} endorsement team` };
}

/**
 * Who on the staff hears about an application: coordinators' notices go to whoever it is assigned
 * to, administrators' to the association's administrators; to the team inbox when that is nobody
 * (or nobody who has signed in yet, i.e. set a password).
 */
export async function staffRecipients(
  emailModels: EmailModelsRepository,
  applicationId: string,
  audience: 'coordinator' | 'administrator',
  association: Association,
  manager: EntityManager,
): Promise<StaffRecipient[]> {
  const people = await emailModels.staffRecipients(applicationId, audience, manager);
  return people.length ? people : [teamInbox(association)];
}
