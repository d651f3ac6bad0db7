import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Bits in one association's status list: the specification's minimum, which hides who is who among many. */
export const STATUS_LIST_LENGTH = 131_072;
const ATTEMPTS = 20;

/**
 * The endorsement's position in its association's status list, given at random (as the Bitstring
 * Status List specification advises, so positions say nothing about when someone was endorsed) the
 * first time a credential is issued, and the same ever after.
 */
export async function statusListIndex(db: Pick<EntityManager, 'query'>, applicationId: string, associationCode: string, now: Date): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // Conflicts on either key do nothing: another request gave this endorsement its place, or the place is taken.
    await db.query(
      `INSERT INTO credential_status_entries (application_id, association_code, status_index, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [applicationId, associationCode, randomInt(STATUS_LIST_LENGTH), now],
    );
    const [row] = await db.query<{ status_index: number }[]>(`SELECT status_index FROM credential_status_entries WHERE application_id = $1`, [applicationId]);
    if (row) return row.status_index;
  }
  throw new Error(`no free place in the status list of ${associationCode} after ${ATTEMPTS} attempts`);
}
