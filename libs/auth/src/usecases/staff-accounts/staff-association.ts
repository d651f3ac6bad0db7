import { ProblemException } from '#platform';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { AuthProblems } from '../../auth.problems.js';

/**
 * The association whose staff an administrator manages: their own (naming another is refused), or
 * the one an Alliance-wide administrator names.
 */
export function staffAssociationOf(caller: AuthenticatedAccount, named: string | undefined): string {
  const own = caller.associationCode;
  if (own !== null) {
    if (named !== undefined && named !== own)
      throw new ProblemException(403, 'forbidden', 'Forbidden', `Administrators of ${own} manage staff of ${own} only.`);
    return own;
  }
  if (named === undefined) throw AuthProblems.invalidField('association', 'is required: name the association whose staff you manage');
  return named;
}
