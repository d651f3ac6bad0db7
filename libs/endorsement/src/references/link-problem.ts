import type { ApplicationState } from '#workflow';
import type { RaterLinkProblem } from './rater-link-unavailable.error.js';

/** What decides whether a rater link still opens its form. */
export interface RaterLinkFacts {
  status: string;
  revoked_at: Date | null;
  token_expires_at: Date | null;
  /** The application's state, and where it was put on hold from. */
  state: ApplicationState;
  held_from: ApplicationState | null;
}

/**
 * Null when the link may be used now. A revoked or replaced link, one whose address bounced, and one
 * whose application stopped collecting references (withdrawn, decided) are `unknown`, exactly like a
 * link that never existed; only the rater's own answered or expired link says more.
 */
export function linkProblem(link: RaterLinkFacts | undefined, now: Date): RaterLinkProblem | null {
  if (!link || link.revoked_at) return 'unknown';
  if (link.status === 'rated' || link.status === 'invalid') return 'used';
  if (link.status !== 'requested') return 'unknown';
  const collecting = link.state === 'reference_checks' || (link.state === 'on_hold' && link.held_from === 'reference_checks');
  if (!collecting) return 'unknown';
  if (link.token_expires_at && link.token_expires_at.getTime() <= now.getTime()) return 'expired';
  return null;
}
