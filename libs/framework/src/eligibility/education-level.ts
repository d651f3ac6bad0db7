import type { EducationLevel } from '../framework.types.js';
import type { Portfolio } from '../portfolio/portfolio.schema.js';
import { parseDay } from './calendar.js';

type EducationEntry = Portfolio['education'][number];

/** Position in the ordered levels; -1 for a code the snapshot does not know. */
export function levelRank(levels: readonly EducationLevel[], code: string): number {
  return levels.findIndex((level) => level.code === code);
}

/** The highest level listed; the lowest level when none is. */
export function highestLevel(levels: readonly EducationLevel[], education: readonly EducationEntry[]): EducationLevel {
  const rank = Math.max(0, ...education.map((entry) => levelRank(levels, entry.level)));
  return levels[rank];
}

/** When the earliest education at or above `minimumLevel` was completed (for post-degree work). */
export function qualifyingDegreeDay(levels: readonly EducationLevel[], education: readonly EducationEntry[], minimumLevel: string): number | undefined {
  const minimum = levelRank(levels, minimumLevel);
  const days = education
    .filter((entry) => entry.completedOn !== undefined && levelRank(levels, entry.level) >= minimum)
    .map((entry) => parseDay(entry.completedOn!));
  return days.length ? Math.min(...days) : undefined;
}
