import type { Portfolio, RulesSnapshot } from '#framework';

const DAY = 24 * 3600 * 1000;
/** A calendar day relative to today, as the portfolio's dates are written. */
export const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

export interface RaterEntry {
  name: string;
  email: string;
  waived: boolean;
}

/** A portfolio that meets every requirement of the rules (any category or track), built from the rules themselves. */
export function eligiblePortfolio({ rules, educationLevels }: RulesSnapshot, raters: RaterEntry[], association = 'MI-AIMH'): Portfolio {
  const { training } = rules;
  const deiHours = training.deiHours ?? 0;
  const rscHours = training.rscHours ?? 0;
  const entry = (title: string, hours: number, dei: boolean, rsc: boolean) => ({
    title,
    provider: 'Training Institute',
    date: day(-180),
    hours,
    competencyAreas: ['observation_listening'],
    dei,
    rsc,
  });
  return {
    education: [{ level: educationLevels.at(-1)!.code, field: 'Early childhood', institution: 'State College', completedOn: '2010-05-31' }],
    // Leading and providing RSC for years: what the Mentor tracks and I/ECFRS ask for.
    work: [
      {
        employer: 'Family Centre',
        role: 'Home visitor',
        startedOn: '2012-01-01',
        paid: true,
        infantFamilyWork: true,
        familiesServed: 20,
        leadership: true,
        providesRsc: true,
      },
    ],
    trainings: [
      entry('Foundations', training.totalHours - deiHours - rscHours, false, false),
      ...(deiHours ? [entry('Diversity, equity and inclusion', deiHours, true, false)] : []),
      ...(rscHours ? [entry('Reflective supervision', rscHours, false, true)] : []),
    ],
    // Received over the last 13 months: inside any window the rules set, and long enough for its span.
    // From a provider whose credential counts, and about the RSC the applicant gives (Clinical Mentor).
    rsc: rules.rsc
      ? [
          {
            provider: 'Dr. Reflective Consultant',
            providerCredential: rules.rsc.allowedProviderCredentials?.[0],
            hours: rules.rsc.hours,
            startedOn: day(-400),
            endedOn: day(-10),
            aboutRscGiven: true,
          },
        ]
      : [],
    references: rules.references.roles.map((role, i) => ({
      raterName: raters[i].name,
      raterEmail: raters[i].email,
      role: role.code,
      waivedAccess: raters[i].waived,
    })),
    agreements: { codeOfEthicsSignedAt: `${day(-1)}T10:00:00Z`, endorsementAgreementSignedAt: `${day(-1)}T10:00:00Z` },
    membership: { association, memberId: 'M-1', validUntil: day(365) },
  };
}
