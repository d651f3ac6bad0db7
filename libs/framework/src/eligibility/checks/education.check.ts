import { highestLevel, levelRank } from '../education-level.js';
import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';
import { matchesWork, workMonths } from '../work-months.js';

export function checkEducation({ portfolio, snapshot, rules, today, name }: EligibilityContext): EligibilityGap[] {
  const { minimumLevel, alternative } = rules.education;
  const levels = snapshot.educationLevels;
  const highest = highestLevel(levels, portfolio.education);
  if (levelRank(levels, highest.code) >= levelRank(levels, minimumLevel)) return [];
  const required = levels[levelRank(levels, minimumLevel)];
  const details = { requiredLevel: required.code, actualLevel: highest.code };
  if (!alternative) {
    return [
      {
        code: 'education_insufficient',
        message: `You list ${highest.label}; ${name} requires ${required.label} or higher.`,
        details,
      },
    ];
  }
  const months = workMonths(portfolio.work, matchesWork(alternative), today);
  if (months >= alternative.months) return [];
  return [
    {
      code: 'education_insufficient',
      message:
        `You list ${highest.label} and ${months} months of ${alternative.description}; ${name} requires ` +
        `${required.label} or higher, or ${alternative.months} months of ${alternative.description}.`,
      details: { ...details, requiredAlternativeMonths: alternative.months, actualAlternativeMonths: months },
    },
  ];
}
