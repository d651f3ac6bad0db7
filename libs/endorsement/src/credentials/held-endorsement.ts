import type { AuthenticatedAccount } from '#auth';
import type { ApplicationState } from '#workflow';
import { ProblemException } from '#platform';
import type { EndorsementsRepository, HeldEndorsement } from '../renewal/endorsements.repository.js';

/** States in which an endorsement is in good standing: renewal due still counts, as in the registry. */
export const CURRENT_STATES: readonly ApplicationState[] = ['endorsed', 'renewal_due'];

const STAFF_ROLES = new Set(['coordinator', 'administrator']);

/**
 * The endorsement of an application, for its holder or for staff of its association; anyone else
 * gets the same 404 as for an application that does not exist. Only one in good standing has a
 * certificate or a credential: a lapsed one (or one under reinstatement) is 409.
 */
export async function findHeldEndorsement(endorsements: EndorsementsRepository, caller: AuthenticatedAccount, applicationId: string): Promise<HeldEndorsement> {
  const staffOf = caller.roles.some((r) => STAFF_ROLES.has(r)) ? (caller.associationCode ?? '*') : null;
  const row = await endorsements.findHeld(applicationId, caller.personId, staffOf);
  if (!row) throw new ProblemException(404, 'endorsement_not_found', 'Endorsement not found', 'No endorsement you may see has this id.');
  if (!CURRENT_STATES.includes(row.state)) {
    throw new ProblemException(
      409,
      'endorsement_not_current',
      'Endorsement not current',
      'Only an endorsement in good standing has a certificate and a credential; it comes back when the endorsement is renewed or reinstated.',
    );
  }
  return row;
}
