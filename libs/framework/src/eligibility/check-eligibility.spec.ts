import { describe, expect, test } from '@jest/globals';
import { loadFramework } from '../framework.loader.js';
import type { RulesSnapshot } from '../framework.types.js';
import type { Portfolio } from '../portfolio/portfolio.schema.js';
import { portfolioSchema } from '../portfolio/portfolio.schema.js';
import { addMonths, formatDay, parseDay } from './calendar.js';
import { checkEligibility } from './check-eligibility.js';
import { GAP_CODES, type GapCode } from './eligibility-gap.types.js';

const framework = loadFramework();
// Midday UTC: the same date in every shipped association's time zone.
const now = new Date('2026-06-15T12:00:00Z');
const applicantEmail = 'Ada.Applicant@example.org';
const monthsAgo = (months: number) => formatDay(addMonths(parseDay('2026-06-15'), -months));

/** A portfolio that meets every requirement of the given rules, built from the rules themselves. */
function completePortfolio({ rules, educationLevels }: RulesSnapshot): Portfolio {
  const { training, rsc, workExperience } = rules;
  const otherHours = training.totalHours - training.deiHours - training.rscHours;
  const trainingEntry = (title: string, hours: number, flags: { dei: boolean; rsc: boolean }) => ({
    title,
    provider: 'Training Institute',
    date: monthsAgo(6),
    hours,
    competencyAreas: ['observation_listening'],
    ...flags,
  });
  const degree = educationLevels.at(-1)!.code;
  return {
    education: [{ level: degree, field: 'Social work', institution: 'State University', completedOn: '2010-05-31' }],
    work: [
      {
        employer: 'Family Centre',
        role: 'Home visitor',
        startedOn: '2012-01-01',
        paid: true,
        infantFamilyWork: true,
        familiesServed: workExperience.families?.minimum ?? 0,
        leadership: true,
        providesRsc: true,
      },
    ],
    trainings: [
      trainingEntry('Foundations', otherHours, { dei: false, rsc: false }),
      ...(training.deiHours ? [trainingEntry('Diversity, equity and inclusion', training.deiHours, { dei: true, rsc: false })] : []),
      ...(training.rscHours ? [trainingEntry('Reflective supervision', training.rscHours, { dei: false, rsc: true })] : []),
    ],
    rsc: rsc
      ? [
          {
            provider: 'A. Mentor',
            providerCredential: rsc.allowedProviderCredentials?.[0],
            hours: rsc.hours,
            startedOn: monthsAgo(20),
            endedOn: monthsAgo(1),
            aboutRscGiven: true,
          },
        ]
      : [],
    references: rules.references.roles.map((role, i) => ({
      raterName: `Rater ${'ABCDEFGHIJ'[i]}`,
      raterEmail: `rater${i + 1}@example.org`,
      role: role.code,
      waivedAccess: true,
    })),
    agreements: { codeOfEthicsSignedAt: '2026-06-01T10:00:00Z', endorsementAgreementSignedAt: '2026-06-01T10:00:00Z' },
    membership: { association: rules.category === 'IFS' ? 'WA-AIMH' : 'MI-AIMH', memberId: 'M-1', validUntil: '2026-12-31' },
  };
}

const offered = framework.categories.flatMap((category) =>
  (category.tracks.length ? category.tracks.map((t) => t.code) : [undefined]).map((track) => [category.code, track] as const),
);

function codes(portfolio: Portfolio, snapshot: RulesSnapshot): GapCode[] {
  return checkEligibility(portfolio, snapshot, now, applicantEmail).map((gap) => gap.code);
}

describe('checkEligibility', () => {
  test.each(offered)('a complete portfolio for %s %s has no gaps, and is valid input', (category, track) => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', category, track);
    const portfolio = completePortfolio(snapshot);
    expect(portfolioSchema.parse(portfolio)).toEqual(portfolio);
    expect(checkEligibility(portfolio, snapshot, now, applicantEmail)).toEqual([]);
  });

  test('29.5 training hours fall short of 30; 30 meet it, however the decimals add up', () => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', 'IFS');
    const portfolio = completePortfolio(snapshot);
    const withHours = (...hours: number[]) => ({
      ...portfolio,
      trainings: hours.map((h) => ({ ...portfolio.trainings[0], hours: h })),
    });
    expect(checkEligibility(withHours(29.5), snapshot, now, applicantEmail)).toEqual([
      {
        code: 'training_hours_short',
        message: 'You have 29.5 of the 30 training hours that Infant Family Specialist requires. You need 0.5 more hours.',
        details: { required: 30, actual: 29.5, missing: 0.5 },
      },
    ]);
    expect(checkEligibility(withHours(30), snapshot, now, applicantEmail)).toEqual([]);
    expect(checkEligibility(withHours(10.1, 10.1, 9.8), snapshot, now, applicantEmail)).toEqual([]);
  });

  test("messages use the association's name for the category", () => {
    const snapshot = framework.rulesSnapshot('WA-AIMH', 'IFS');
    const portfolio = { ...completePortfolio(snapshot), trainings: [] };
    expect(checkEligibility(portfolio, snapshot, now, applicantEmail)).toEqual([
      expect.objectContaining({ message: 'You have 0 of the 30 training hours that Infant Family Practitioner requires. You need 30 more hours.' }),
    ]);
  });

  describe('parts of the training hours on a topic', () => {
    // As published: only I/ECFRS and the Mentor tracks name parts; the other categories have none.
    test.each([
      ['IFA', undefined, { totalHours: 30, deiHours: 0, rscHours: 0 }],
      ['IFS', undefined, { totalHours: 30, deiHours: 0, rscHours: 0 }],
      ['IECFRS', undefined, { totalHours: 48, deiHours: 3, rscHours: 15 }],
      ['IMHS', undefined, { totalHours: 30, deiHours: 0, rscHours: 0 }],
      ['IMHM', 'clinical', { totalHours: 48, deiHours: 3, rscHours: 15 }],
      ['IMHM', 'policy', { totalHours: 33, deiHours: 3, rscHours: 0 }],
      ['IMHM', 'research_faculty', { totalHours: 33, deiHours: 3, rscHours: 0 }],
    ] as const)('%s %s needs %j', (category, track, training) => {
      expect(framework.rules(category, track).training).toEqual(training);
    });

    const clinical = framework.rulesSnapshot('MI-AIMH', 'IMHM', 'clinical');
    const complete = completePortfolio(clinical);
    /** The complete portfolio with its reflective supervision training cut short, the hours kept. */
    const rscTraining = (hours: number) => ({
      ...complete,
      trainings: complete.trainings.map((t) => (t.rsc ? { ...t, hours } : { ...t, hours: t.dei ? t.hours : t.hours + 15 - hours })),
    });

    test('48 hours with 14.5 on RSC fall short of the Clinical Mentor: the gap names the track and what is missing', () => {
      expect(checkEligibility(rscTraining(14.5), clinical, now, applicantEmail)).toEqual([
        {
          code: 'rsc_training_hours_short',
          message:
            'You have 14.5 of the 15 training hours on reflective supervision/consultation that Infant Mental Health Mentor – Clinical requires. You need 0.5 more hours.',
          details: { required: 15, actual: 14.5, missing: 0.5 },
        },
      ]);
      expect(checkEligibility(rscTraining(15), clinical, now, applicantEmail)).toEqual([]);
    });

    test('48 hours with none on RSC or on DEI fall short twice', () => {
      const unmarked = { ...complete, trainings: complete.trainings.map((t) => ({ ...t, dei: false, rsc: false })) };
      expect(checkEligibility(unmarked, clinical, now, applicantEmail).map((g) => g.message)).toEqual([
        'You have 0 of the 3 training hours on diversity, equity and inclusion that Infant Mental Health Mentor – Clinical requires. You need 3 more hours.',
        'You have 0 of the 15 training hours on reflective supervision/consultation that Infant Mental Health Mentor – Clinical requires. You need 15 more hours.',
      ]);
    });

    test('one hour missing is "1 more hour"', () => {
      const policy = framework.rulesSnapshot('MI-AIMH', 'IMHM', 'policy');
      const portfolio = completePortfolio(policy);
      const twoDei = { ...portfolio, trainings: portfolio.trainings.map((t) => (t.dei ? { ...t, hours: 2 } : { ...t, hours: t.hours + 1 })) };
      expect(checkEligibility(twoDei, policy, now, applicantEmail).map((g) => g.message)).toEqual([
        'You have 2 of the 3 training hours on diversity, equity and inclusion that Infant Mental Health Mentor – Policy requires. You need 1 more hour.',
      ]);
    });
  });

  describe('the RSC window (IMHS: 50 hours within 12–24 months)', () => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', 'IMHS');
    const withRsc = (startedOn: string, endedOn: string) => ({
      ...completePortfolio(snapshot),
      rsc: [{ provider: 'A. Mentor', hours: 50, startedOn, endedOn }],
    });

    test('hours ending on the first day of the last 24 months count', () => {
      expect(checkEligibility(withRsc('2023-06-01', '2024-06-15'), snapshot, now, applicantEmail)).toEqual([]);
    });

    test('hours ending the day before do not', () => {
      expect(checkEligibility(withRsc('2023-06-01', '2024-06-14'), snapshot, now, applicantEmail)).toEqual([
        {
          code: 'rsc_hours_short',
          message:
            'You have 0 of the 50 hours of reflective supervision/consultation that Infant Mental Health Specialist requires within the last 24 months. You need 50 more hours.',
          details: { required: 50, actual: 0, missing: 50 },
        },
        {
          code: 'rsc_outside_window',
          message: '50 of your hours of reflective supervision/consultation ended more than 24 months ago, so they do not count.',
          details: { hours: 50, maxMonths: 24, windowStart: '2024-06-15' },
        },
      ]);
    });

    test('hours received over less than 12 months do not meet the window', () => {
      expect(codes(withRsc(monthsAgo(11), monthsAgo(0)), snapshot)).toEqual(['rsc_span_short']);
      expect(codes(withRsc(monthsAgo(12), monthsAgo(0)), snapshot)).toEqual([]);
    });
  });

  test('RSC from a provider without an allowed credential does not count, and the message names the credentials', () => {
    const snapshot = framework.rulesSnapshot('WA-AIMH', 'IFS');
    const portfolio = completePortfolio(snapshot);
    const fromIfa = { ...portfolio, rsc: [{ ...portfolio.rsc[0], providerCredential: 'IFA' }] };
    expect(checkEligibility(fromIfa, snapshot, now, applicantEmail)).toEqual([
      expect.objectContaining({ code: 'rsc_hours_short' }),
      expect.objectContaining({
        code: 'rsc_provider_not_qualified',
        message:
          '24 of your hours of reflective supervision/consultation are from providers not endorsed as Infant/Early Childhood Family Reflective Supervisor, Infant Mental Health Practitioner or Infant Mental Health Mentor – Clinical, so they do not count.',
      }),
    ]);
  });

  test('the education alternative: two years of paid infant-related work stand in for a CDA', () => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', 'IFA');
    const portfolio = { ...completePortfolio(snapshot), education: [] };
    const working = (startedOn: string) => ({ ...portfolio, work: [{ ...portfolio.work[0], startedOn }] });
    expect(checkEligibility(working(monthsAgo(24)), snapshot, now, applicantEmail)).toEqual([]);
    expect(checkEligibility(working(monthsAgo(18)), snapshot, now, applicantEmail)).toEqual([
      {
        code: 'education_insufficient',
        message:
          'You list no degree or credential and 18.03 months of paid infant and family work; Infant Family Associate requires a Child Development Associate (CDA) credential or higher, or 24 months of paid infant and family work.',
        details: { requiredLevel: 'cda', actualLevel: 'none', requiredAlternativeMonths: 24, actualAlternativeMonths: 18.03 },
      },
    ]);
  });

  // One change to a complete portfolio per case; together the cases produce every gap code.
  const cases: [GapCode[], string, string | undefined, (p: Portfolio) => Portfolio][] = [
    [['section_incomplete'], 'IFS', undefined, (p) => ({ ...p, trainings: p.trainings.map((t) => ({ ...t, competencyAreas: [] })) })],
    [['section_incomplete'], 'IFS', undefined, (p) => ({ ...p, education: [{ level: 'master' }] })],
    [['education_insufficient'], 'IFS', undefined, (p) => ({ ...p, education: [{ ...p.education[0], level: 'associate' }] })],
    [['work_experience_short'], 'IFS', undefined, (p) => ({ ...p, work: [{ ...p.work[0], startedOn: monthsAgo(18) }] })],
    [['work_experience_short'], 'IMHS', undefined, (p) => ({ ...p, education: [{ ...p.education[0], completedOn: monthsAgo(12) }] })],
    [['families_served_short'], 'IFS', undefined, (p) => ({ ...p, work: [{ ...p.work[0], familiesServed: 9 }] })],
    [['leadership_experience_short'], 'IECFRS', undefined, (p) => ({ ...p, work: [{ ...p.work[0], leadership: false }] })],
    [['rsc_provider_experience_short'], 'IMHM', 'clinical', (p) => ({ ...p, work: [{ ...p.work[0], providesRsc: false }] })],
    [['training_hours_short'], 'IMHM', 'policy', (p) => ({ ...p, trainings: p.trainings.map((t, i) => (i === 0 ? { ...t, hours: t.hours - 0.5 } : t)) })],
    [['dei_hours_short'], 'IECFRS', undefined, (p) => ({ ...p, trainings: p.trainings.map((t) => ({ ...t, dei: false })) })],
    [['rsc_training_hours_short'], 'IECFRS', undefined, (p) => ({ ...p, trainings: p.trainings.map((t) => ({ ...t, rsc: false })) })],
    [['rsc_hours_short'], 'IFS', undefined, (p) => ({ ...p, rsc: [{ ...p.rsc[0], hours: 23.5 }] })],
    [['rsc_hours_short', 'rsc_provider_not_qualified'], 'IFS', undefined, (p) => ({ ...p, rsc: [{ ...p.rsc[0], providerCredential: undefined }] })],
    [['rsc_hours_short', 'rsc_outside_window'], 'IMHS', undefined, (p) => ({ ...p, rsc: [{ ...p.rsc[0], endedOn: monthsAgo(25) }] })],
    [['rsc_span_short'], 'IMHS', undefined, (p) => ({ ...p, rsc: [{ ...p.rsc[0], startedOn: monthsAgo(6) }] })],
    [['rsc_about_rsc_given_short'], 'IMHM', 'clinical', (p) => ({ ...p, rsc: [{ ...p.rsc[0], aboutRscGiven: false }] })],
    [['reference_missing'], 'IFA', undefined, (p) => ({ ...p, references: p.references.slice(1) })],
    [
      ['reference_own_address'],
      'IFA',
      undefined,
      (p) => ({ ...p, references: p.references.map((r, i) => (i === 1 ? { ...r, raterEmail: applicantEmail } : r)) }),
    ],
    [
      ['reference_duplicate_address'],
      'IFA',
      undefined,
      (p) => ({ ...p, references: p.references.map((r, i) => (i === 2 ? { ...r, raterEmail: p.references[0].raterEmail } : r)) }),
    ],
    [['code_of_ethics_unsigned'], 'IFA', undefined, (p) => ({ ...p, agreements: { endorsementAgreementSignedAt: '2026-06-01T10:00:00Z' } })],
    [['agreement_unsigned'], 'IFA', undefined, (p) => ({ ...p, agreements: { codeOfEthicsSignedAt: '2026-06-01T10:00:00Z' } })],
    [['membership_missing'], 'IFA', undefined, (p) => ({ ...p, membership: null })],
    [['membership_missing'], 'IFA', undefined, (p) => ({ ...p, membership: { association: 'MI-AIMH', validUntil: '2026-06-14' } })],
  ];

  test.each(cases)('%j for %s %s', (expected, category, track, change) => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', category, track);
    const gaps = checkEligibility(change(completePortfolio(snapshot)), snapshot, now, applicantEmail);
    expect(gaps.map((g) => g.code)).toEqual(expected);
    for (const gap of gaps) expect(gap.message).toMatch(/^[A-Z0-9].+[.]$/);
  });

  test('the cases above cover every gap code', () => {
    expect(new Set(cases.flatMap(([expected]) => expected))).toEqual(new Set(GAP_CODES));
  });

  test('an empty portfolio lists every unmet requirement', () => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', 'IMHS');
    const empty: Portfolio = { education: [], work: [], trainings: [], rsc: [], references: [], agreements: {}, membership: null };
    expect(codes(empty, snapshot)).toEqual([
      'education_insufficient',
      'work_experience_short',
      'training_hours_short',
      'rsc_hours_short',
      'reference_missing',
      'reference_missing',
      'reference_missing',
      'code_of_ethics_unsigned',
      'agreement_unsigned',
      'membership_missing',
    ]);
  });

  describe('raters are independent of the applicant and of each other', () => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', 'IFA');
    const withEmails = (...emails: string[]) => {
      const complete = completePortfolio(snapshot);
      return { ...complete, references: complete.references.map((r, i) => ({ ...r, raterEmail: emails[i] ?? r.raterEmail })) };
    };

    test("the applicant's own address is refused whatever its case, surrounding spaces or +tag, in plain words", () => {
      for (const own of ['ada.applicant@example.org', ' ADA.APPLICANT@Example.Org ', 'ada.applicant+rater@example.org']) {
        expect(checkEligibility(withEmails('someone@example.org', own), snapshot, now, applicantEmail)).toEqual([
          {
            code: 'reference_own_address',
            message: 'Rater 2, Rater B, has your own email address: ask someone else who knows your work.',
            details: { rater: 2 },
          },
        ]);
      }
    });

    test('an address given for two raters is refused for the later one, naming the earlier', () => {
      expect(checkEligibility(withEmails('pat@example.org', 'sam@example.org', ' Pat+again@EXAMPLE.org'), snapshot, now, applicantEmail)).toEqual([
        {
          code: 'reference_duplicate_address',
          message: 'Rater 3, Rater C, has the same email address as rater 1: each rater needs their own address, so correct it or ask someone else.',
          details: { rater: 3, sameAs: 1 },
        },
      ]);
    });

    test('the applicant named three times is told once per rater that it is their own address, not also that they repeat', () => {
      const gaps = checkEligibility(withEmails(applicantEmail, applicantEmail, applicantEmail), snapshot, now, applicantEmail);
      expect(gaps.map((g) => [g.code, g.details])).toEqual([1, 2, 3].map((rater) => ['reference_own_address', { rater }]));
    });

    test('dots are significant: outside Gmail, a.b and ab are different mailboxes', () => {
      expect(checkEligibility(withEmails('adaapplicant@example.org', 'p.at@example.org', 'pat@example.org'), snapshot, now, applicantEmail)).toEqual([]);
    });
  });

  test('judges from a snapshot stored as JSON exactly as from the live one', () => {
    const snapshot = framework.rulesSnapshot('WA-AIMH', 'IMHM', 'clinical');
    const stored = JSON.parse(JSON.stringify(snapshot)) as RulesSnapshot;
    const complete = completePortfolio(snapshot);
    const partial = { ...complete, trainings: complete.trainings.slice(1), references: [] };
    for (const portfolio of [complete, partial]) {
      expect(checkEligibility(portfolio, stored, now, applicantEmail)).toEqual(checkEligibility(portfolio, snapshot, now, applicantEmail));
    }
    expect(checkEligibility(partial, stored, now, applicantEmail).length).toBeGreaterThan(0);
  });
});
