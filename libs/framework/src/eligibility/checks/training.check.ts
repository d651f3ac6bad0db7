import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';
import { moreHours, sumHours, whenShort } from '../quantities.js';
import { RSC } from '../rsc-term.js';

/**
 * The category's training hours, and the parts of them that must be on a topic (diversity, equity
 * and inclusion; RSC): an entry counts toward a part when it is marked with that topic.
 */
export function checkTraining({ portfolio, rules, name }: EligibilityContext): EligibilityGap[] {
  const { trainings } = portfolio;
  const rule = rules.training;
  const short = (about: string) => (actual: string, required: string, missing: number) =>
    `You have ${actual} of the ${required} training hours${about} that ${name} requires. You need ${moreHours(missing)}.`;
  return [
    ...whenShort('training_hours_short', sumHours(trainings.map((t) => t.hours)), rule.totalHours, short('')),
    ...whenShort('dei_hours_short', sumHours(trainings.filter((t) => t.dei).map((t) => t.hours)), rule.deiHours, short(' on diversity, equity and inclusion')),
    ...whenShort('rsc_training_hours_short', sumHours(trainings.filter((t) => t.rsc).map((t) => t.hours)), rule.rscHours, short(` on ${RSC}`)),
  ];
}
