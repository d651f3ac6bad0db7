import { checkEligibility, type EligibilityGap, type Portfolio, type RulesSnapshot } from '#framework';
import type { ApplicationState } from '#workflow';

/** The states in which the applicant edits the portfolio (before submitting, and after a deferral). */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'deferred'];

/** What the portfolio still lacks under the pinned rules; only worth saying while the applicant can act on it. */
export function portfolioGaps(state: ApplicationState, portfolio: Portfolio, rules: RulesSnapshot, now: Date): EligibilityGap[] {
  return EDITABLE_STATES.includes(state) ? checkEligibility(portfolio, rules, now) : [];
}
