import type { AccountRole } from './account-role.js';

/** The caller of a request, as its access token says; what controllers scope their queries by. */
export interface AuthenticatedAccount {
  id: string;
  personId: string;
  roles: AccountRole[];
  /** The caller's association; null only for an Alliance-wide administrator, who sees all. */
  associationCode: string | null;
  /** The sign-in (refresh token family) this access token belongs to; logout ends it. */
  sessionId: string;
}
