import type { AuthenticatedAccount } from '#auth';
import type { Role } from '#workflow';
import { StaffProblems } from './staff.problems.js';

/**
 * The association a staff caller works in: always their own; an Alliance-wide administrator (no
 * association) sees all (null) or the one they name.
 */
export function staffAssociation(caller: AuthenticatedAccount, requested?: string): string | null {
  const own = caller.associationCode;
  if (own === null) return requested ?? null;
  if (requested !== undefined && requested !== own) throw StaffProblems.otherAssociation(own);
  return own;
}

/** The role a staff caller acts in on the audit trail: the strongest they hold. */
export function staffRole(caller: AuthenticatedAccount): Extract<Role, 'coordinator' | 'administrator'> {
  return caller.roles.includes('administrator') ? 'administrator' : 'coordinator';
}
