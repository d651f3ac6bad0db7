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

/** One measure of a cycle: what the held categories ask and what the approved entries give. */
export interface RenewalMeasure {
  code: RenewalGap['code'];
  required: number;
  recorded: number;
  /** What the hours are of, e.g. "of relationship-based training". */
  what: string;
}

/**
 * Every measure the cycle asks for (required > 0), with the approved hours recorded against it: for
 * each measure, the most any held category asks. Empty when nothing is due (e.g. a first cycle exempt).
 */
export function renewalProgress(entries: readonly CeEntry[], situation: RenewalSituation): RenewalMeasure[] {
  const applicable = situation.requirements.filter((r) => !(situation.firstCycle && r.firstCycleExempt));
  if (!applicable.length) return [];
  const most = (pick: (r: RenewalRequirements) => number) => Math.max(0, ...applicable.map(pick));
  const sum = (filter: (e: CeEntry) => boolean) => entries.filter(filter).reduce((n, e) => n + Math.round(e.hours * 100), 0) / 100;

  const training = (e: CeEntry) => e.kind === 'training';
  const measures: RenewalMeasure[] = [
    { code: 'ce_hours_short', required: most((r) => r.ceHours), recorded: sum(training), what: 'of relationship-based training' },
    {
      code: 'dei_hours_short',
      required: most((r) => r.deiHours),
      recorded: sum((e) => training(e) && e.dei),
      what: 'of training on diversity, equity and inclusion',
    },
    {
      code: 'rsc_training_hours_short',
      required: situation.providesRsc ? most((r) => r.rscProviderRscTrainingHours) : 0,
      recorded: sum((e) => training(e) && e.aboutRsc),
      what: 'of training about reflective supervision/consultation (you provide it)',
    },
    {
      code: 'rsc_hours_short',
      required: most((r) => (r.reducedRscHours && situation.yearsEndorsed >= r.reducedRscHours.afterYearsEndorsed ? r.reducedRscHours.hours : r.rscHours)),
      recorded: sum((e) => e.kind === 'rsc'),
      what: 'of reflective supervision/consultation received',
    },
  ];
  return measures.filter((m) => m.required > 0);
}

/**
 * What the approved entries of a cycle still lack. Empty when the endorsement can be renewed.
 * Hours are compared in hundredths (29.5 < 30).
 */
export function checkRenewalRequirements(entries: readonly CeEntry[], situation: RenewalSituation): RenewalGap[] {
  return renewalProgress(entries, situation)
    .filter(({ required, recorded }) => Math.round(recorded * 100) < Math.round(required * 100))
    .map(({ code, required, recorded, what }) => ({
      code,
      required,
      recorded,
      message: `You have ${recorded} of the ${required} ${required === 1 ? 'hour' : 'hours'} ${what} this renewal requires.`,
    }));
}
