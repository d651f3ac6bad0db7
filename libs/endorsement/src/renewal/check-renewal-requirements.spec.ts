import { describe, expect, test } from '@jest/globals';
import { checkRenewalRequirements, type CeEntry, type RenewalRequirements } from './check-renewal-requirements.js';

const IFA: RenewalRequirements = { ceHours: 15, deiHours: 1, rscProviderRscTrainingHours: 3, rscHours: 0, reducedRscHours: null, firstCycleExempt: true };
const IMHS: RenewalRequirements = { ...IFA, rscHours: 12 };
const MENTOR: RenewalRequirements = { ...IFA, rscHours: 12, reducedRscHours: { afterYearsEndorsed: 3, hours: 10 } };
const training = (hours: number, more: Partial<CeEntry> = {}): CeEntry => ({ kind: 'training', hours, dei: false, aboutRsc: false, ...more });
const rsc = (hours: number): CeEntry => ({ kind: 'rsc', hours, dei: false, aboutRsc: false });
const situation = { firstCycle: false, providesRsc: false, yearsEndorsed: 1 };

describe('checkRenewalRequirements', () => {
  test('15 hours with 1 on DEI renew an Infant Family Associate', () => {
    expect(checkRenewalRequirements([training(14), training(1, { dei: true })], { ...situation, requirements: [IFA] })).toEqual([]);
  });

  test('14.5 hours are short, and the message says by how much', () => {
    const gaps = checkRenewalRequirements([training(13.5), training(1, { dei: true })], { ...situation, requirements: [IFA] });
    expect(gaps).toEqual([
      { code: 'ce_hours_short', required: 15, recorded: 14.5, message: 'You have 14.5 of the 15 hours of relationship-based training this renewal requires.' },
    ]);
  });

  test('the first cycle after endorsement needs no hours', () => {
    expect(checkRenewalRequirements([], { ...situation, firstCycle: true, requirements: [IMHS] })).toEqual([]);
  });

  test('several categories renew once with the same hours: the most any of them asks', () => {
    const entries = [training(15, { dei: true }), rsc(11.99)];
    expect(checkRenewalRequirements(entries, { ...situation, requirements: [IFA, IMHS] }).map((g) => [g.code, g.required])).toEqual([['rsc_hours_short', 12]]);
    expect(checkRenewalRequirements([...entries, rsc(0.01)], { ...situation, requirements: [IFA, IMHS] })).toEqual([]);
  });

  test('RSC providers need 3 of their hours on RSC; mentors of 3+ years need 10 RSC hours, not 12', () => {
    const entries = [training(13, { dei: true }), training(2, { aboutRsc: true }), rsc(10)];
    expect(checkRenewalRequirements(entries, { ...situation, providesRsc: true, yearsEndorsed: 3, requirements: [MENTOR] }).map((g) => g.code)).toEqual([
      'rsc_training_hours_short',
    ]);
    expect(checkRenewalRequirements(entries, { ...situation, providesRsc: false, yearsEndorsed: 2, requirements: [MENTOR] }).map((g) => g.code)).toEqual([
      'rsc_hours_short',
    ]);
  });
});
