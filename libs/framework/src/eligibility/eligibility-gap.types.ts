/** Stable codes: clients key help texts and UI on them. Add codes; never rename one. */
export const GAP_CODES = [
  'section_incomplete',
  'education_insufficient',
  'work_experience_short',
  'families_served_short',
  'leadership_experience_short',
  'rsc_provider_experience_short',
  'training_hours_short',
  'dei_hours_short',
  'rsc_training_hours_short',
  'rsc_hours_short',
  'rsc_outside_window',
  'rsc_provider_not_qualified',
  'rsc_span_short',
  'rsc_about_rsc_given_short',
  'reference_missing',
  'reference_own_address',
  'reference_duplicate_address',
  'code_of_ethics_unsigned',
  'agreement_unsigned',
  'membership_missing',
] as const;

export type GapCode = (typeof GAP_CODES)[number];

/** One unmet requirement, with a message for the applicant and the numbers behind it. */
export interface EligibilityGap {
  code: GapCode;
  message: string;
  details?: Record<string, unknown>;
}
