import type { EntityManager } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import type { ApplicationState } from '#workflow';
import { ProblemException } from '#platform';

/** An issued endorsement as its certificate and credential describe it. */
export interface HeldEndorsement {
  applicationId: string;
  number: string;
  state: ApplicationState;
  associationCode: string;
  categoryCode: string;
  trackCode: string | null;
  holderName: string;
  endorsedAt: Date;
  /** A calendar date (YYYY-MM-DD) in the association's time zone. */
  renewalDueOn: string;
}

/** States in which an endorsement is in good standing: renewal due still counts, as in the registry. */
export const CURRENT_STATES: readonly ApplicationState[] = ['endorsed', 'renewal_due'];

const STAFF_ROLES = new Set(['coordinator', 'administrator']);

/**
 * The endorsement of an application, for its holder or for staff of its association; anyone else
 * gets the same 404 as for an application that does not exist. Only one in good standing has a
 * certificate or a credential: a lapsed one (or one under reinstatement) is 409.
 */
export async function findHeldEndorsement(db: Pick<EntityManager, 'query'>, caller: AuthenticatedAccount, applicationId: string): Promise<HeldEndorsement> {
  const staffOf = caller.roles.some((r) => STAFF_ROLES.has(r)) ? (caller.associationCode ?? '*') : null;
  const [row] = await db.query<HeldEndorsement[]>(
    `SELECT a.id AS "applicationId", a.endorsement_number AS number, a.state, a.association_code AS "associationCode",
            a.category_code AS "categoryCode", a.track_code AS "trackCode", p.full_name AS "holderName",
            a.endorsed_at AS "endorsedAt", to_char(a.renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn"
       FROM applications a JOIN people p ON p.id = a.applicant_id
      WHERE a.id = $1 AND a.endorsement_number IS NOT NULL
        AND (a.applicant_id = $2 OR $3::text = '*' OR a.association_code = $3)`,
    [applicationId, caller.personId, staffOf],
  );
  if (!row) throw new ProblemException(404, 'endorsement_not_found', 'Endorsement not found', 'No endorsement you may see has this id.');
  if (!CURRENT_STATES.includes(row.state)) {
    throw new ProblemException(409, 'endorsement_not_current', 'Endorsement not current', 'Only an endorsement in good standing has a certificate and a credential; it comes back when the endorsement is renewed or reinstated.');
  }
  return row;
}
