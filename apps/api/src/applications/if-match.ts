import { expectedVersion } from '../staff/if-match.js';

/** Applicants may send If-Match (then a stale version is a conflict) or not (last write wins). */
export function optionalVersion(ifMatch: string | undefined): number | undefined {
  return ifMatch === undefined || ifMatch.trim() === '' ? undefined : expectedVersion(ifMatch);
}
