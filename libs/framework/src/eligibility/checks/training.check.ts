import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';
import { sumHours, whenShort } from '../quantities.js';
import { RSC } from '../rsc-term.js';

export function checkTraining({ portfolio, rules, name }: EligibilityContext): EligibilityGap[] {
  const { trainings } = portfolio;
  const rule = rules.training;
  return [
    ...whenShort(
      'training_hours_short',
      sumHours(trainings.map((t) => t.hours)),
      rule.totalHours,
      (actual, required) => `You have ${actual} of the ${required} training hours ${name} requires.`,
    ),
    ...whenShort(
      'dei_hours_short',
      sumHours(trainings.filter((t) => t.dei).map((t) => t.hours)),
      rule.deiHours,
      (actual, required) =>
        `You have ${actual} of the ${required} training hours on diversity, equity and inclusion ${name} requires.`,
    ),
    ...whenShort(
      'rsc_training_hours_short',
      sumHours(trainings.filter((t) => t.rsc).map((t) => t.hours)),
      rule.rscHours,
      (actual, required) =>
        `You have ${actual} of the ${required} training hours on ${RSC} ${name} requires.`,
    ),
  ];
}
