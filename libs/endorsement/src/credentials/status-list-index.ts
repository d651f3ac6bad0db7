import { randomInt } from 'node:crypto';
import type { EndorsementsRepository } from '../renewal/endorsements.repository.js';

/** Bits in one association's status list: the specification's minimum, which hides who is who among many. */
export const STATUS_LIST_LENGTH = 131_072;
const ATTEMPTS = 20;

/**
 * The endorsement's position in its association's status list, given at random (as the Bitstring
 * Status List specification advises, so positions say nothing about when someone was endorsed) the
 * first time a credential is issued, and the same ever after.
 */
export async function statusListIndex(endorsements: EndorsementsRepository, applicationId: string, associationCode: string, now: Date): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const index = await endorsements.claimStatusIndex(applicationId, associationCode, randomInt(STATUS_LIST_LENGTH), now);
    if (index !== undefined) return index;
  }
  throw new Error(`no free place in the status list of ${associationCode} after ${ATTEMPTS} attempts`);
}
