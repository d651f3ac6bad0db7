import type { AccountRole } from './account-role.js';

/** An accounts row as sign-in reads it. */
export interface AccountRow {
  id: string;
  person_id: string;
  email: string;
  password_hash: string | null;
  roles: AccountRole[];
  association_code: string | null;
  failed_logins: number;
  locked_until: Date | null;
}

export const ACCOUNT_COLUMNS = 'a.id, a.person_id, a.email, a.password_hash, a.roles, a.association_code, a.failed_logins, a.locked_until';
