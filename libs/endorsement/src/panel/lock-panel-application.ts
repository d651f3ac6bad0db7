import type { EntityManager } from 'typeorm';
import type { ApplicationState } from '#workflow';
import { CURRENT_ROUND } from './panel-round.js';

export interface PanelApplication {
  state: ApplicationState;
  version: number;
  association_code: string;
  applicant_id: string;
  round: number;
}

/**
 * Locks the application (in the association given, any when null) for the rest of the caller's
 * transaction, then reads it and its current round. The read is a statement of its own so that its
 * snapshot sees whatever the previous holder of the lock committed (a new round, a vote).
 */
export async function lockPanelApplication(manager: EntityManager, applicationId: string, associationCode: string | null): Promise<PanelApplication | undefined> {
  const locked = await manager.query<unknown[]>(`SELECT id FROM applications WHERE id = $1 AND ($2::text IS NULL OR association_code = $2) FOR UPDATE`, [
    applicationId,
    associationCode,
  ]);
  if (!locked.length) return undefined;
  const [app] = await manager.query<PanelApplication[]>(`SELECT a.state, a.version, a.association_code, a.applicant_id, ${CURRENT_ROUND} AS round FROM applications a WHERE a.id = $1`, [
    applicationId,
  ]);
  return app;
}
