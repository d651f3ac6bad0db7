import { checkEligibility, type EligibilityGap } from '#framework';
import type { ApplicationState } from '#workflow';
import type { OwnApplication } from './own-application.js';

/** The states in which the applicant edits the portfolio (before submitting, and after a deferral). */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'deferred'];

/** What the portfolio still lacks under the pinned rules; only worth saying while the applicant can act on it. */
export function portfolioGaps(app: Pick<OwnApplication, 'state' | 'portfolio' | 'rules' | 'applicant_email'>, now: Date): EligibilityGap[] {
  return EDITABLE_STATES.includes(app.state) ? checkEligibility(app.portfolio, app.rules, now, app.applicant_email) : [];
}
