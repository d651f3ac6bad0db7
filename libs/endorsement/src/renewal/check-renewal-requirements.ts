import type { CategoryRules } from '#framework';

export type RenewalRequirements = CategoryRules['renewal'];

/** A continuing-education entry of the cycle, as staff approved it. */
export interface CeEntry {
  kind: 'training' | 'rsc';
  hours: number;
  dei: boolean;
  /** A training about reflective supervision/consultation (counts for RSC providers). */
  aboutRsc: boolean;
}

export interface RenewalSituation {
  /** One per category held: a person renews once a cycle, and the same hours count for all. */
  requirements: RenewalRequirements[];
  /** The cycle right after first endorsement needs no hours where the data says so. */
  firstCycle: boolean;
  /** The endorsee provides RSC to others (RSC providers spend part of their hours on RSC). */
  providesRsc: boolean;
  /** Whole years endorsed, for the reduced RSC hours of long-standing mentors. */
  yearsEndorsed: number;
}

export interface RenewalGap {
  code: 'ce_hours_short' | 'dei_hours_short' | 'rsc_training_hours_short' | 'rsc_hours_short';
  message: string;
  required: number;
  recorded: number;
}

/**
 * What the approved entries of a cycle still lack: for each measure, the most any held category
 * asks. Empty when the endorsement can be renewed. Hours are compared in hundredths (29.5 < 30).
 */
export function checkRenewalRequirements(entries: readonly CeEntry[], situation: RenewalSituation): RenewalGap[] {
  const applicable = situation.requirements.filter((r) => !(situation.firstCycle && r.firstCycleExempt));
  if (!applicable.length) return [];
  const most = (pick: (r: RenewalRequirements) => number) => Math.max(0, ...applicable.map(pick));
  const sum = (filter: (e: CeEntry) => boolean) => entries.filter(filter).reduce((n, e) => n + Math.round(e.hours * 100), 0) / 100;

  const training = (e: CeEntry) => e.kind === 'training';
  const measures: [RenewalGap['code'], number, number, string][] = [
    ['ce_hours_short', most((r) => r.ceHours), sum(training), 'of relationship-based training'],
    ['dei_hours_short', most((r) => r.deiHours), sum((e) => training(e) && e.dei), 'of training on diversity, equity and inclusion'],
    [
      'rsc_training_hours_short',
      situation.providesRsc ? most((r) => r.rscProviderRscTrainingHours) : 0,
      sum((e) => training(e) && e.aboutRsc),
      'of training about reflective supervision/consultation (you provide it)',
    ],
    [
      'rsc_hours_short',
      most((r) => (r.reducedRscHours && situation.yearsEndorsed >= r.reducedRscHours.afterYearsEndorsed ? r.reducedRscHours.hours : r.rscHours)),
      sum((e) => e.kind === 'rsc'),
      'of reflective supervision/consultation received',
    ],
  ];
  return measures
    .filter(([, required, recorded]) => Math.round(recorded * 100) < Math.round(required * 100))
    .map(([code, required, recorded, what]) => ({ code, required, recorded, message: `You have ${recorded} of the ${required} ${required === 1 ? 'hour' : 'hours'} ${what} this renewal requires.` }));
}
