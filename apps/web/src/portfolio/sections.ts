import type { components } from '#api-client';

export type Application = components['schemas']['Application'];
export type Choices = components['schemas']['PortfolioChoices'];
export type SectionKey = 'education' | 'work' | 'trainings' | 'rsc' | 'references' | 'agreements' | 'membership';

/** A field's value while the person edits it: text as typed, a tick, or the codes ticked. */
export type Value = string | boolean | string[];
export type Values = Record<string, Value>;

export interface FieldSpec {
  /** The field's name in the API's body (and in its error paths). */
  name: string;
  label: string;
  kind: 'text' | 'email' | 'date' | 'number' | 'checkbox' | 'signature' | 'level' | 'role' | 'areas';
  description?: string;
}

export interface SectionSpec {
  key: SectionKey;
  title: string;
  intro: string;
  /** A list of entries (degrees, jobs …) with add and remove; otherwise one set of fields. */
  item?: { name: string; add: string };
  fields: FieldSpec[];
}

/** The portfolio's sections, in the order an applicant fills them in. */
export const SECTIONS: SectionSpec[] = [
  {
    key: 'education',
    title: 'Education',
    intro: 'Your degrees, diplomas and credentials such as a CDA.',
    item: { name: 'Degree or diploma', add: 'Add another degree or diploma' },
    fields: [
      { name: 'level', label: 'Level', kind: 'level' },
      { name: 'field', label: 'Subject', kind: 'text', description: 'For example: Early childhood education.' },
      { name: 'institution', label: 'School, college or university', kind: 'text' },
      { name: 'completedOn', label: 'Completed on', kind: 'date' },
    ],
  },
  {
    key: 'work',
    title: 'Work experience',
    intro: 'The jobs that count toward the experience the category asks for, paid or volunteer.',
    item: { name: 'Job', add: 'Add another job' },
    fields: [
      { name: 'employer', label: 'Employer', kind: 'text' },
      { name: 'role', label: 'Your role', kind: 'text', description: 'For example: Home visitor.' },
      { name: 'startedOn', label: 'Started on', kind: 'date' },
      { name: 'endedOn', label: 'Ended on', kind: 'date', description: 'Leave empty if you still work there.' },
      { name: 'familiesServed', label: 'Number of families you served', kind: 'number' },
      { name: 'paid', label: 'This was paid work', kind: 'checkbox' },
      { name: 'infantFamilyWork', label: 'I worked with infants or young children and their families', kind: 'checkbox' },
      { name: 'leadership', label: 'I had a leadership role', kind: 'checkbox' },
      { name: 'providesRsc', label: 'I provided reflective supervision or consultation (RSC) to others', kind: 'checkbox' },
    ],
  },
  {
    key: 'trainings',
    title: 'Training',
    intro: 'Specialized in-service training, with its hours and the competency areas it covered.',
    item: { name: 'Training', add: 'Add another training' },
    fields: [
      { name: 'title', label: 'Title', kind: 'text' },
      { name: 'provider', label: 'Given by', kind: 'text' },
      { name: 'date', label: 'Date', kind: 'date' },
      { name: 'hours', label: 'Hours', kind: 'number', description: 'For example: 6 or 1.5.' },
      { name: 'dei', label: 'This training was on diversity, equity and inclusion', kind: 'checkbox' },
      { name: 'rsc', label: 'This training was about reflective supervision or consultation', kind: 'checkbox' },
      { name: 'competencyAreas', label: 'Competency areas it covered', kind: 'areas', description: 'Tick every area the training covered.' },
    ],
  },
  {
    key: 'rsc',
    title: 'Reflective supervision (RSC)',
    intro: 'The reflective supervision or consultation you received. Leave this empty if your category does not ask for it.',
    item: { name: 'RSC', add: 'Add RSC you received' },
    fields: [
      { name: 'provider', label: 'Provided by', kind: 'text' },
      { name: 'providerCredential', label: 'Their endorsement', kind: 'text', description: 'For example: IMHS or IMHM-C. Leave empty if you do not know.' },
      { name: 'hours', label: 'Hours', kind: 'number' },
      { name: 'startedOn', label: 'From', kind: 'date' },
      { name: 'endedOn', label: 'Until', kind: 'date' },
      { name: 'aboutRscGiven', label: 'This RSC was about the reflective supervision I give', kind: 'checkbox' },
    ],
  },
  {
    key: 'references',
    title: 'References',
    intro:
      'The people who will rate your work. When you submit, we email each of them a link to a short form. A personal address is best: some work email systems block our messages.',
    item: { name: 'Reference', add: 'Add another reference' },
    fields: [
      { name: 'role', label: 'Who they are to you', kind: 'role' },
      { name: 'raterName', label: 'Their full name', kind: 'text' },
      { name: 'raterEmail', label: 'Their email address', kind: 'email' },
      {
        name: 'waivedAccess',
        label: 'I waive my right to see this reference form',
        kind: 'checkbox',
        description: 'Raters often speak more freely when you waive it. If you do not, you can read their answers once they send them.',
      },
    ],
  },
  {
    key: 'agreements',
    title: 'Agreements',
    intro: 'Every endorsed practitioner signs the Code of Ethics and the Endorsement Agreement.',
    fields: [
      { name: 'codeOfEthicsSignedAt', label: 'I have read and sign the Code of Ethics', kind: 'signature' },
      { name: 'endorsementAgreementSignedAt', label: 'I have read and sign the Endorsement Agreement', kind: 'signature' },
    ],
  },
  {
    key: 'membership',
    title: 'Membership',
    intro: 'Your membership of an infant mental health association.',
    fields: [
      { name: 'association', label: 'Association', kind: 'text', description: 'For example: MI-AIMH.' },
      { name: 'memberId', label: 'Membership number', kind: 'text' },
      { name: 'validUntil', label: 'Valid until', kind: 'date' },
    ],
  },
];

const TYPED: ReadonlySet<FieldSpec['kind']> = new Set(['text', 'email', 'date', 'number', 'signature']);

/** An entry's fields as the form holds them, from what the API has (nothing yet: empty fields). */
export function toValues(fields: FieldSpec[], entry: Record<string, unknown> | null | undefined, preset: Values = {}): Values {
  return Object.fromEntries<Values[string]>(
    fields.map((f) => {
      const value = entry?.[f.name] ?? preset[f.name];
      if (f.kind === 'checkbox') return [f.name, value === true];
      if (f.kind === 'areas') return [f.name, Array.isArray(value) ? value.map(String) : []];
      return [f.name, typeof value === 'string' || typeof value === 'number' ? String(value) : ''];
    }),
  );
}

/** Nothing typed in it: an entry the person has not started, left out of what is saved. */
export function isBlank(fields: FieldSpec[], values: Values): boolean {
  return fields.every((f) => (f.kind === 'areas' ? (values[f.name] as string[]).length === 0 : !TYPED.has(f.kind) || values[f.name] === ''));
}

/** An entry as the API takes it: empty optional text left out, numbers as numbers; the API judges the rest. */
export function toBody(fields: FieldSpec[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.name];
    if (typeof value === 'string') {
      const text = value.trim();
      if (text === '') continue;
      body[f.name] = f.kind === 'number' ? Number(text) : text;
    } else {
      body[f.name] = value;
    }
  }
  return body;
}

const GAP_SECTIONS: Record<string, SectionKey> = {
  education_insufficient: 'education',
  work_experience_short: 'work',
  families_served_short: 'work',
  leadership_experience_short: 'work',
  rsc_provider_experience_short: 'work',
  training_hours_short: 'trainings',
  dei_hours_short: 'trainings',
  rsc_training_hours_short: 'trainings',
  reference_missing: 'references',
  reference_own_address: 'references',
  reference_duplicate_address: 'references',
  code_of_ethics_unsigned: 'agreements',
  agreement_unsigned: 'agreements',
  membership_missing: 'membership',
};

/** The section where the person fixes a gap. */
export function sectionOfGap(gap: Application['eligibilityGaps'][number]): SectionKey {
  const named = gap.details?.section;
  if (typeof named === 'string' && SECTIONS.some((s) => s.key === named)) return named as SectionKey;
  return GAP_SECTIONS[gap.code] ?? 'rsc';
}
