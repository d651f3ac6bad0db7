import type { EntityManager } from 'typeorm';
import type { Association } from '#framework';

/** A member of staff, or the association's team inbox (no account). */
export interface StaffRecipient {
  accountId: string | null;
  email: string;
  name: string;
}

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
  manager: Pick<EntityManager, 'query'>,
  applicationId: string,
  audience: 'coordinator' | 'administrator',
  association: Association,
): Promise<StaffRecipient[]> {
  const people = await manager.query<StaffRecipient[]>(
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
  return people.length ? people : [teamInbox(association)];
}
