import type { EntityManager } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import type { ApplicationState } from '#workflow';
import { staffAssociation } from './staff-scope.js';
import { StaffProblems } from './staff.problems.js';

export interface StaffApplicationRef {
  id: string;
  association_code: string;
  state: ApplicationState;
  version: number;
  assignee_id: string | null;
}

/** The application if the caller's association holds it; otherwise 404, whether or not it exists. */
export async function findStaffApplication(manager: Pick<EntityManager, 'query'>, caller: AuthenticatedAccount, applicationId: string): Promise<StaffApplicationRef> {
  const [app] = await manager.query<StaffApplicationRef[]>(
    `SELECT id, association_code, state, version, assignee_id FROM applications WHERE id = $1 AND ($2::text IS NULL OR association_code = $2)`,
    [applicationId, staffAssociation(caller)],
  );
  if (!app) throw StaffProblems.applicationNotFound();
  return app;
}
