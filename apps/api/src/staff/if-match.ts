import { StaffProblems } from '#endorsement';
import { ProblemException } from '#platform';

// The ETag we send is the version in quotes; a bare number is taken too. Weak tags never match (RFC 9110).
const VERSION_TAG = /^\s*"?(\d{1,9})"?\s*$/;

/** The version an If-Match header names: 428 when missing, 400 when it is not one of our tags. */
export function expectedVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') throw StaffProblems.versionRequired();
  const match = VERSION_TAG.exec(ifMatch);
  if (!match) {
    const message = 'must be the application\'s version as its ETag gives it, e.g. "3"';
    throw new ProblemException(400, 'validation_failed', 'Invalid request', `If-Match: ${message}`, { errors: [{ field: 'If-Match', message }] });
  }
  return Number(match[1]);
}

/** The ETag of an application at a version. */
export const versionTag = (version: number): string => `"${version}"`;
