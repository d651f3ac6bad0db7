import { describe, expect, test } from '@jest/globals';
import { portfolioSchema, type Portfolio } from './portfolio.schema.js';

const portfolio: Portfolio = {
  education: [{ level: 'bachelor', field: 'Early childhood', institution: 'State University', completedOn: '2018-05-31' }],
  work: [{ employer: 'Family Centre', role: 'Home visitor', startedOn: '2018-09-01', paid: true, infantFamilyWork: true, familiesServed: 12 }],
  trainings: [
    {
      title: 'Attachment',
      provider: 'MI-AIMH',
      date: '2024-03-02',
      hours: 6.25,
      competencyAreas: ['attachment_separation_trauma_grief_loss'],
      dei: false,
      rsc: false,
    },
  ],
  rsc: [{ provider: 'A. Mentor', providerCredential: 'IMHS', hours: 24, startedOn: '2024-01-01', endedOn: '2025-01-01' }],
  references: [{ raterName: 'B. Supervisor', raterEmail: 'b@example.org', role: 'program_supervisor', waivedAccess: true }],
  agreements: { codeOfEthicsSignedAt: '2026-01-05T09:30:00Z' },
  membership: { association: 'MI-AIMH', validUntil: '2026-12-31' },
};

function problems(input: unknown): string[] {
  const result = portfolioSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
}

describe('portfolioSchema', () => {
  test('accepts a well-formed portfolio as it is', () => {
    expect(portfolioSchema.parse(portfolio)).toEqual(portfolio);
  });

  test('refuses unknown fields at every level', () => {
    expect(problems({ ...portfolio, notes: 'x' })).toEqual([': unrecognized_keys']);
    expect(problems({ ...portfolio, work: [{ ...portfolio.work[0], salary: 1 }] })).toEqual(['work.0: unrecognized_keys']);
  });

  test('refuses impossible dates, an end before the start, and hours finer than hundredths', () => {
    expect(problems({ ...portfolio, education: [{ level: 'master', completedOn: '2023-02-30' }] })).toEqual(['education.0.completedOn: invalid_format']);
    expect(problems({ ...portfolio, rsc: [{ ...portfolio.rsc[0], endedOn: '2023-12-31' }] })).toEqual(['rsc.0.endedOn: custom']);
    expect(problems({ ...portfolio, trainings: [{ ...portfolio.trainings[0], hours: 1.005 }] })).toEqual(['trainings.0.hours: not_multiple_of']);
  });

  test("a rater's name is a person's name: links, addresses and digits are refused", () => {
    const named = (raterName: string) => problems({ ...portfolio, references: [{ ...portfolio.references[0], raterName }] });
    for (const name of ['B. Supervisor', "Mary-Jo O'Neil Jr.", 'Zoë d’Arc', 'José Ñúñez', 'J.R.R. Tolkien']) expect(named(name)).toEqual([]);
    for (const name of [
      'Dear Winner! Claim your prize at http://prize.example',
      'www.prize.example',
      'Winner prize.com',
      'b@example.org',
      'Agent 007',
      '1234567',
      '-Pat',
    ]) {
      expect(named(name)).not.toEqual([]);
    }
    expect(named('x'.repeat(101))).toEqual(['references.0.raterName: too_big']);
  });

  test('bounds sizes', () => {
    expect(problems({ ...portfolio, references: Array(11).fill(portfolio.references[0]) })).toEqual(['references: too_big']);
    expect(problems({ ...portfolio, trainings: [{ ...portfolio.trainings[0], title: 'x'.repeat(301) }] })).toEqual(['trainings.0.title: too_big']);
    expect(problems({ ...portfolio, references: [{ ...portfolio.references[0], raterEmail: 'not-an-email' }] })).toEqual([
      'references.0.raterEmail: invalid_format',
    ]);
  });
});
