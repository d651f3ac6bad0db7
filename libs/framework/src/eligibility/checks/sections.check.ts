import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';

/**
 * Entries saved as drafts may leave out details reviewers need: where and when each education was
 * completed, and which competency areas each training covers.
 */
export function checkSections({ portfolio }: EligibilityContext): EligibilityGap[] {
  const gaps: EligibilityGap[] = [];
  portfolio.education.forEach((entry, index) => {
    const missing = (['institution', 'completedOn'] as const).filter((field) => entry[field] === undefined);
    if (missing.length > 0) {
      gaps.push({
        code: 'section_incomplete',
        message: `Add the institution and completion date to education entry ${index + 1}.`,
        details: { section: 'education', index, missing },
      });
    }
  });
  portfolio.trainings.forEach((entry, index) => {
    if (entry.competencyAreas.length === 0) {
      gaps.push({
        code: 'section_incomplete',
        message: `Tag the training "${entry.title}" with the competency areas it covers.`,
        details: { section: 'trainings', index, missing: ['competencyAreas'] },
      });
    }
  });
  return gaps;
}
