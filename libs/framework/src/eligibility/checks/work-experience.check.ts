import { qualifyingDegreeDay } from '../education-level.js';
import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';
import { whenShort } from '../quantities.js';
import { RSC } from '../rsc-term.js';
import { matchesWork, workMonths } from '../work-months.js';

export function checkWorkExperience({ portfolio, snapshot, rules, today, name }: EligibilityContext): EligibilityGap[] {
  const rule = rules.workExperience;
  const matches = matchesWork(rule);
  // Post-degree work starts at the qualifying degree; without a completion date it cannot be placed,
  // which the education section's own gap already asks the applicant to add.
  const degreeDay = rule.postDegree ? qualifyingDegreeDay(snapshot.educationLevels, portfolio.education, rules.education.minimumLevel) : undefined;
  const families = portfolio.work.filter(matches).reduce((total, entry) => total + (entry.familiesServed ?? 0), 0);
  return [
    ...whenShort(
      'work_experience_short',
      workMonths(portfolio.work, matches, today, degreeDay),
      rule.months,
      (actual, required) => `You have ${actual} of the ${required} months of ${rule.description} ${name} requires.`,
    ),
    ...(rule.families
      ? whenShort(
          'families_served_short',
          families,
          rule.families.minimum,
          (actual, required) => `Your work lists ${actual} of the ${required} ${rule.families!.description} ${name} requires.`,
        )
      : []),
    ...whenShort(
      'leadership_experience_short',
      workMonths(portfolio.work, (entry) => entry.leadership === true, today),
      rule.leadershipMonths,
      (actual, required) => `You have ${actual} of the ${required} months of leadership experience ${name} requires.`,
    ),
    ...whenShort(
      'rsc_provider_experience_short',
      workMonths(portfolio.work, (entry) => entry.providesRsc === true, today),
      rule.rscProvidingMonths,
      (actual, required) => `You have ${actual} of the ${required} months of providing ${RSC} ${name} requires.`,
    ),
  ];
}
