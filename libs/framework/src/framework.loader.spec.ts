import { describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrameworkDataError, FrameworkLookupError } from './framework-data.error.js';
import { loadFramework } from './framework.loader.js';
import { findConfigDir } from './load/find-config-dir.js';

const framework = loadFramework();

/** Loads a copy of the shipped data after `edit` has changed it; returns the problems or the framework. */
function loadEdited(edit: (file: (relativePath: string, change: (text: string) => string) => void) => void) {
  const root = mkdtempSync(join(tmpdir(), 'framework-'));
  const configDir = join(root, 'config');
  try {
    for (const dir of ['framework', 'associations']) cpSync(join(findConfigDir(), dir), join(configDir, dir), { recursive: true });
    edit((relativePath, change) => {
      const path = join(configDir, relativePath);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    });
    return loadFramework(configDir);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof FrameworkDataError) return error.problems;
    throw error;
  }
  throw new Error('expected a FrameworkDataError');
}

describe('the shipped data', () => {
  test('loads and validates', () => {
    expect(framework.version).toBe('2026.2');
    expect(framework.categories.map((c) => c.code)).toEqual(['IFA', 'IFS', 'IECFRS', 'IMHS', 'IMHM']);
    expect(framework.categories.find((c) => c.code === 'IMHM')!.tracks.map((t) => t.code)).toEqual(['clinical', 'policy', 'research_faculty']);
    expect([...framework.associations.keys()].sort()).toEqual(['MI-AIMH', 'MassAIMH', 'TAIMH', 'WA-AIMH']);
    expect(framework.alliance).toEqual({ name: 'Alliance for the Advancement of Infant Mental Health', timeZone: 'America/Detroit' });
  });

  test('has the eight competency domains, with unique area codes that the rating form refers to', () => {
    expect(framework.competencyDomains.map((d) => d.label)).toEqual([
      'Theoretical Foundations',
      'Law, Regulation & Policy',
      'Systems Expertise',
      'Direct Service Skills',
      'Working with Others',
      'Communicating',
      'Thinking',
      'Reflection',
    ]);
    const reflection = framework.competencyDomains.find((d) => d.code === 'reflection')!;
    expect(reflection.areas.map((a) => a.code)).toEqual([
      'contemplation',
      'self_awareness',
      'curiosity',
      'professional_personal_development',
      'emotional_response',
      'parallel_process',
    ]);
    const areas = framework.competencyDomains.flatMap((d) => d.areas.map((a) => a.code));
    expect(new Set(areas).size).toBe(areas.length);
    for (const item of framework.ratingForm.items) expect(areas).toContain(item.area);
    expect(framework.ratingForm.notEnoughInformation.invalidAt).toBe(6);
  });

  test('is frozen, Maps included', () => {
    expect(Object.isFrozen(framework.rules('IFA'))).toBe(true);
    expect(Object.isFrozen(framework.rules('IFA').references.roles[0])).toBe(true);
    expect(() => (framework.associations as Map<string, unknown>).set('X', {})).toThrow(TypeError);
  });

  test('is found from a compiled location as well as from source', () => {
    const repo = join(findConfigDir(), '..');
    expect(findConfigDir(join(repo, 'dist', 'libs', 'framework', 'src'))).toBe(join(repo, 'config'));
  });
});

describe('resolved rules', () => {
  test('IFA: CDA or higher, or two years of paid infant-related work; 30 hours; three named references', () => {
    const rules = framework.rules('IFA');
    expect(rules.education).toEqual({
      minimumLevel: 'cda',
      alternative: { months: 24, paid: true, infantFamilyWork: true, description: 'paid infant and family work' },
    });
    expect(rules.training).toEqual({ totalHours: 30, deiHours: 0, rscHours: 0 });
    expect(rules.rsc).toBeNull();
    expect(rules.references.roles.map((r) => r.code)).toEqual(['supervisor_teacher_or_cda_mentor', 'endorsed_or_vetted_rater', 'colleague_or_parent']);
    expect(rules.examRequired).toBe(false);
    expect(rules.exam).toBeNull();
    expect(rules.renewal.rscHours).toBe(0);
  });

  test('IFS: bachelor, two years with ten families, 24 RSC hours from qualified providers', () => {
    const rules = framework.rules('IFS');
    expect(rules.education.minimumLevel).toBe('bachelor');
    expect(rules.workExperience).toMatchObject({ months: 24, paid: true, families: { minimum: 10 } });
    expect(rules.rsc).toEqual({
      hours: 24,
      window: null,
      allowedProviderCredentials: ['IECFRS', 'IMHS', 'IMHM-C'],
      aboutRscGivenHours: 0,
    });
    expect(rules.references.roles.map((r) => r.code)).toEqual(['program_supervisor', 'rsc_provider', 'other']);
    expect(rules.renewal.rscHours).toBe(12);
  });

  test('IECFRS: 48 hours of which 15 on RSC and 3 on DEI, a year of leadership, an emerging outcome', () => {
    const rules = framework.rules('IECFRS');
    expect(rules.training).toEqual({ totalHours: 48, rscHours: 15, deiHours: 3 });
    expect(rules.workExperience).toMatchObject({ months: 24, leadershipMonths: 12 });
    expect(rules.rsc?.hours).toBe(24);
    expect(rules.emergingOutcome).toBe(true);
    expect(rules.examRequired).toBe(false);
  });

  test('IMHS: master, 50 RSC hours within 12–24 months, the exam', () => {
    const rules = framework.rules('IMHS');
    expect(rules.education.minimumLevel).toBe('master');
    expect(rules.rsc).toMatchObject({ hours: 50, window: { minMonths: 12, maxMonths: 24 } });
    expect(rules.references.roles.map((r) => r.code)).toEqual(['supervisor', 'rsc_provider', 'colleague_or_supervisee']);
    expect(rules.exam).toMatchObject({
      approvalValidMonths: 12,
      approvalExpiry: { action: 'deny', reminderDaysBefore: [30, 7] },
      part1: { questions: 60, durationMinutes: 90, passPercent: 80 },
      part2: { vignettesOffered: 3, vignettesToAnswer: 2, durationMinutes: 90, blindReviewers: 2, passPercent: 80 },
    });
  });

  test('IMHM: each track layered over the category', () => {
    const clinical = framework.rules('IMHM', 'clinical');
    const policy = framework.rules('IMHM', 'policy');
    const research = framework.rules('IMHM', 'research_faculty');
    expect(clinical).toMatchObject({ credential: 'IMHM-C', level: 4, training: { totalHours: 48, deiHours: 3, rscHours: 15 } });
    expect(clinical.rsc).toMatchObject({ hours: 50, aboutRscGivenHours: 25 });
    expect(clinical.workExperience.rscProvidingMonths).toBe(36);
    expect(clinical.renewal).toMatchObject({ rscHours: 12, reducedRscHours: { afterYearsEndorsed: 3, hours: 10 } });
    for (const rules of [policy, research]) {
      expect(rules.training).toEqual({ totalHours: 33, deiHours: 3, rscHours: 0 });
      expect(rules.workExperience.leadershipMonths).toBe(36);
      expect(rules.rsc).toBeNull();
      expect(rules.renewal.rscHours).toBe(0);
    }
    for (const rules of [clinical, policy, research]) {
      expect(rules.education.minimumLevel).toBe('master');
      expect(rules.examRequired).toBe(true);
      expect(rules.references.roles).toHaveLength(3);
    }
  });

  test('every category shares the renewal requirements and needs the agreements and membership', () => {
    for (const category of framework.categories) {
      for (const track of category.tracks.length ? category.tracks.map((t) => t.code) : [undefined]) {
        const rules = framework.rules(category.code, track);
        expect(rules.renewal).toMatchObject({ ceHours: 15, deiHours: 1, rscProviderRscTrainingHours: 3, firstCycleExempt: true });
        expect(rules.agreements).toEqual({ codeOfEthics: true, endorsementAgreement: true });
        expect(rules.membership.required).toBe(true);
      }
    }
  });

  test('association overrides apply: a year between exam attempts in Texas only', () => {
    expect(framework.rules('IMHS', undefined, 'TAIMH').exam?.retake.waitMonths).toBe(12);
    expect(framework.rules('IMHS', undefined, 'MI-AIMH').exam?.retake.waitMonths).toBe(0);
    expect(framework.rules('IMHS').exam?.retake.waitMonths).toBe(0);
  });

  test('lookups name what is wrong', () => {
    expect(() => framework.rules('IMHM')).toThrow(new FrameworkLookupError('IMHM needs a track (clinical, policy, research_faculty)'));
    expect(() => framework.rules('IFS', 'clinical')).toThrow('IFS has no track "clinical"');
    expect(() => framework.rules('XYZ')).toThrow(FrameworkLookupError);
    expect(() => framework.association('NOPE')).toThrow(/Unknown association "NOPE"/);
    expect(() => framework.rules('IECFRS', undefined, 'WA-AIMH')).toThrow('WA-AIMH does not offer IECFRS');
  });
});

describe('associations', () => {
  test('Western Australia shows its own category names', () => {
    expect(framework.displayName('WA-AIMH', 'IFA')).toBe('Infant Family Worker');
    expect(framework.displayName('WA-AIMH', 'IFS')).toBe('Infant Family Practitioner');
    expect(framework.displayName('WA-AIMH', 'IMHS')).toBe('Infant Mental Health Practitioner');
    expect(framework.displayName('WA-AIMH', 'IMHM', 'clinical')).toBe('Infant Mental Health Mentor – Clinical');
    expect(framework.displayName('MI-AIMH', 'IFS')).toBe('Infant Family Specialist');
    expect(framework.displayName('MI-AIMH', 'IMHM', 'research_faculty')).toBe('Infant Mental Health Mentor – Research/Faculty');
  });

  test('defaults fill what a file leaves out; each file keeps its own values', () => {
    const wa = framework.association('WA-AIMH');
    expect(wa).toMatchObject({ timeZone: 'Australia/Perth', currency: 'AUD', endorsementNumberPrefix: 'WA' });
    expect(wa.renewal).toMatchObject({
      dueMonthDay: '12-31',
      lateWindowEndMonthDay: '03-31',
      leadDays: 60,
      reminderDaysBefore: [60, 30, 14, 7, 1],
      lateWindowReminderEveryDays: 7,
    });
    expect(wa.references).toEqual({ linkValidDays: 30, reminderDaysAfter: [7, 14], escalationDay: 21 });
    expect(framework.association('MI-AIMH')).toMatchObject({
      timeZone: 'America/Detroit',
      renewal: { lateWindowEndMonthDay: '01-31' },
      categories: { IFA: { applicationFee: 25 }, IFS: { applicationFee: 100 }, IMHS: { applicationFee: 200 }, IMHM: { applicationFee: 300 } },
    });
    expect(framework.association('MassAIMH').exam.windows).toBe('monthly');
    expect(framework.association('TAIMH').exam.windows).toEqual([3, 9]);
  });
});

describe('rules snapshots', () => {
  test('round-trip through JSON unchanged', () => {
    const snapshot = framework.rulesSnapshot('WA-AIMH', 'IMHM', 'clinical');
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toMatchObject({
      version: '2026.2',
      association: { code: 'WA-AIMH', timeZone: 'Australia/Perth', currency: 'AUD' },
      displayName: 'Infant Mental Health Mentor – Clinical',
      applicationFee: 420,
      rules: framework.rules('IMHM', 'clinical', 'WA-AIMH'),
    });
    expect(snapshot.credentialNames['IMHS']).toBe('Infant Mental Health Practitioner');
  });

  test('keep the rules they were taken under when the data changes', () => {
    const pinned = framework.rulesSnapshot('MI-AIMH', 'IFS');
    const changed = loadEdited((file) => {
      file('framework/framework.yaml', (t) => t.replace('version: "2026.2"', 'version: "2026.3"'));
      file('framework/framework.yaml', (t) => t.replace(/(IFS:[\s\S]*?totalHours: )30/, '$140'));
    });
    expect(changed.rulesSnapshot('MI-AIMH', 'IFS')).toMatchObject({ version: '2026.3', rules: { training: { totalHours: 40 } } });
    expect(pinned).toMatchObject({ version: '2026.2', rules: { training: { totalHours: 30 } } });
  });
});

describe('invalid data', () => {
  test('names the file and path of every problem at once', () => {
    const problems = problemsOf(() =>
      loadEdited((file) => {
        file('associations/wa-aimh.yaml', (t) => t.replace('dueMonthDay: "12-31"', 'dueMonthDay: "31-12"'));
        file('framework/exam.yaml', (t) => t.replace('questions: 60', 'questions: sixty'));
      }),
    );
    expect(problems).toEqual([
      'config/framework/exam.yaml: part1.questions must be a number',
      'config/associations/wa-aimh.yaml: renewal.dueMonthDay must be MM-DD',
    ]);
  });

  test('an association accepts applicants only from other associations that exist', () => {
    const problems = problemsOf(() =>
      loadEdited((file) => file('associations/wa-aimh.yaml', (t) => `${t}\nacceptsApplicantsFrom: [MI-AIMH, WA-AIMH, NOWHERE]\n`)),
    );
    expect(problems).toEqual([
      'config/associations/wa-aimh.yaml: acceptsApplicantsFrom[1] "WA-AIMH" is not another association',
      'config/associations/wa-aimh.yaml: acceptsApplicantsFrom[2] "NOWHERE" is not another association',
    ]);
    expect(
      loadEdited((file) => file('associations/wa-aimh.yaml', (t) => `${t}\nacceptsApplicantsFrom: [MI-AIMH]\n`)).association('WA-AIMH').acceptsApplicantsFrom,
    ).toEqual(['MI-AIMH']);
  });

  test("the Alliance's time zone must be one the runtime knows", () => {
    const problems = problemsOf(() =>
      loadEdited((file) => file('framework/framework.yaml', (t) => t.replace('timeZone: "America/Detroit"', 'timeZone: "Mars/Olympus"'))),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^config\/framework\/framework\.yaml: alliance\.timeZone /);
  });

  test('reports missing and unknown fields in a resolved track', () => {
    const problems = problemsOf(() =>
      loadEdited((file) =>
        file('framework/framework.yaml', (t) =>
          t.replace('  IMHM:\n', '  IMHM:\n    colour: blue\n').replace(/(IFA:[\s\S]*?) {4}training:\n {6}totalHours: 30\n/, '$1'),
        ),
      ),
    );
    expect(problems).toEqual([
      'config/framework/framework.yaml: categories.IFA.training.totalHours is required',
      'config/framework/framework.yaml: categories.IMHM.colour is not a known field',
    ]);
  });

  test('cross-checks display names, competency areas, reference roles and credentials', () => {
    const problems = problemsOf(() =>
      loadEdited((file) => {
        file('associations/wa-aimh.yaml', (t) => t.replace('IFA: { displayName', 'IFX: { displayName'));
        file('framework/rating-form.yaml', (t) => t.replace('area: safety', 'area: sailing'));
        file('framework/framework.yaml', (t) =>
          t
            .replace('{ code: other, label: "Other professional reference" }', '{ code: rsc_provider, label: "Another" }')
            .replace('[IECFRS, IMHS, IMHM-C]', '[IECFRS, IMHS, IMHM-X]'),
        );
      }),
    );
    expect(problems).toEqual([
      'config/framework/rating-form.yaml: items[9].area "sailing" is not a competency area in competencies.yaml',
      'config/framework/framework.yaml: categories.IFS.rsc.allowedProviderCredentials[2] must be one of the credentials (IFA, IFS, IECFRS, IMHS, IMHM-C, IMHM-P, IMHM-RF)',
      'config/framework/framework.yaml: categories.IFS.references.roles lists the role "rsc_provider" more than once',
      'config/associations/wa-aimh.yaml: categories.IFX is not a category of the framework (IFA, IFS, IECFRS, IMHS, IMHM)',
    ]);
  });

  test('parts of the training hours on a topic must fit in the total, wherever they are set', () => {
    const problems = problemsOf(() =>
      loadEdited((file) => {
        file('framework/framework.yaml', (t) => t.replace('          rscHours: 15\n', '          rscHours: 46\n'));
        file('associations/taimh.yaml', (t) =>
          t.replace('IFS: { applicationFee: 100 }', 'IFS: { applicationFee: 100, overrides: { training: { deiHours: 31 } } }'),
        );
      }),
    );
    expect(problems).toEqual([
      'config/framework/framework.yaml: categories.IMHM.tracks.clinical.training.totalHours must be at least deiHours + rscHours',
      'config/associations/taimh.yaml: categories.IFS.overrides.training.totalHours must be at least deiHours + rscHours',
    ]);
  });

  test('reports YAML syntax errors, missing files and a code that does not match its file', () => {
    const problems = problemsOf(() =>
      loadEdited((file) => {
        file('framework/competencies.yaml', (t) => `${t}\n  - code: [unclosed\n`);
        file('associations/taimh.yaml', (t) => t.replace('code: TAIMH', 'code: TXAIMH'));
      }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^config\/framework\/competencies\.yaml: is not valid YAML: /);
    expect(problems[1]).toBe('config/associations/taimh.yaml: code must match the file name (expected the file txaimh.yaml)');
    expect(problemsOf(() => loadFramework(join(tmpdir(), 'no-such-config')))).toContain('no-such-config/framework/framework.yaml: file is missing');
  });

  test('an association override changes only its fields and is validated like the framework', () => {
    const edited = loadEdited((file) =>
      file('associations/taimh.yaml', (t) =>
        t.replace('IFS: { applicationFee: 100 }', 'IFS: { applicationFee: 100, overrides: { education: { minimumLevel: none } } }'),
      ),
    );
    expect(edited.rules('IFS', undefined, 'TAIMH').education).toEqual({ minimumLevel: 'none', alternative: null });
    expect(edited.rules('IFS', undefined, 'MI-AIMH').education.minimumLevel).toBe('bachelor');

    const problems = problemsOf(() =>
      loadEdited((file) =>
        file('associations/taimh.yaml', (t) =>
          t.replace('IFS: { applicationFee: 100 }', 'IFS: { applicationFee: 100, overrides: { education: { minimumLevel: phd } } }'),
        ),
      ),
    );
    expect(problems).toEqual([
      'config/associations/taimh.yaml: categories.IFS.overrides.education.minimumLevel must be one of the educationLevels (none, cda, associate, bachelor, master, doctorate)',
    ]);
  });
});
