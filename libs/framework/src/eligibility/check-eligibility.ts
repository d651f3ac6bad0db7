import type { RulesSnapshot } from '../framework.types.js';
import type { Portfolio } from '../portfolio/portfolio.schema.js';
import { todayIn } from './calendar.js';
import { checkCommitments } from './checks/commitments.check.js';
import { checkEducation } from './checks/education.check.js';
import { checkReferences } from './checks/references.check.js';
import { checkRsc } from './checks/rsc.check.js';
import { checkSections } from './checks/sections.check.js';
import { checkTraining } from './checks/training.check.js';
import { checkWorkExperience } from './checks/work-experience.check.js';
import type { EligibilityContext } from './eligibility-context.js';
import type { EligibilityGap } from './eligibility-gap.types.js';

const CHECKS = [checkSections, checkEducation, checkWorkExperience, checkTraining, checkRsc, checkReferences, checkCommitments] as const;

/**
 * Every requirement the portfolio does not yet meet under the pinned rules; an empty list means
 * the applicant may submit. Pure: judged from the snapshot alone, "today" being `now` in the
 * association's time zone; `applicantEmail` is the applicant's own address, which no rater may have.
 */
export function checkEligibility(portfolio: Portfolio, rules: RulesSnapshot, now: Date, applicantEmail: string): EligibilityGap[] {
  const context: EligibilityContext = {
    portfolio,
    snapshot: rules,
    rules: rules.rules,
    today: todayIn(rules.association.timeZone, now),
    name: rules.displayName,
    applicantEmail,
  };
  return CHECKS.flatMap((check) => check(context));
}
