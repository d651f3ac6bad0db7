import type { Portfolio } from '../portfolio/portfolio.schema.js';
import { coveredMonths, parseDay } from './calendar.js';
import { round } from './quantities.js';

type WorkEntry = Portfolio['work'][number];

/**
 * Months of work matching `counts`, from each start to its end (inclusive) or to today while it
 * continues, counting overlapping jobs once; only time from `notBefore` on counts when given.
 */
export function workMonths(work: readonly WorkEntry[], counts: (entry: WorkEntry) => boolean, today: number, notBefore = -Infinity): number {
  const intervals = work.filter(counts).map((entry) => {
    const end = entry.endedOn === undefined ? today : Math.min(parseDay(entry.endedOn), today);
    return [Math.max(parseDay(entry.startedOn), notBefore), end + 1] as const;
  });
  return round(coveredMonths(intervals));
}

/** Matches work that is paid and/or infant-family work, as the rule asks. */
export function matchesWork(rule: { paid: boolean; infantFamilyWork: boolean }): (entry: WorkEntry) => boolean {
  return (entry) => (!rule.paid || entry.paid) && (!rule.infantFamilyWork || entry.infantFamilyWork);
}
