/**
 * Why a rater link cannot be used. `unknown` covers every link that never was or no longer is a
 * rater's (tampered, revoked, replaced, application closed), so those look the same from outside.
 */
export type RaterLinkProblem = 'unknown' | 'used' | 'expired';

/** The link cannot open or submit a rating form; the page the rater sees says so and nothing more. */
export class RaterLinkUnavailableError extends Error {
  constructor(readonly problem: RaterLinkProblem) {
    super(`rater link unavailable: ${problem}`);
  }
}
