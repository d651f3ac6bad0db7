import { z } from 'zod';
import { credentialCodeSchema, hoursSchema, labelSchema, monthsSchema, snakeCodeSchema } from './common.schema.js';

const educationSchema = z.strictObject({
  minimumLevel: snakeCodeSchema,
  /** Work that can stand in for the degree (IFA: two years of paid infant-related work). */
  alternative: z
    .strictObject({
      months: monthsSchema,
      paid: z.boolean(),
      infantFamilyWork: z.boolean(),
      description: labelSchema,
    })
    .nullable(),
});

const workExperienceSchema = z.strictObject({
  months: monthsSchema,
  paid: z.boolean(),
  infantFamilyWork: z.boolean(),
  /** Only work after the qualifying degree was completed counts. */
  postDegree: z.boolean(),
  /** Plain-language name of the experience counted, used in messages to applicants. */
  description: labelSchema,
  families: z.strictObject({ minimum: z.number().int().min(1), description: labelSchema }).nullable(),
  leadershipMonths: monthsSchema,
  rscProvidingMonths: monthsSchema,
});

const trainingSchema = z.strictObject({
  totalHours: hoursSchema,
  /** Parts of totalHours that must be on diversity, equity and inclusion, and on RSC. */
  deiHours: hoursSchema,
  rscHours: hoursSchema,
});

const rscSchema = z.strictObject({
  hours: hoursSchema,
  /** Received over at least minMonths, ending within the last maxMonths. */
  window: z.strictObject({ minMonths: monthsSchema, maxMonths: monthsSchema }).nullable(),
  /** Credentials the RSC provider must hold; null when any provider counts. */
  allowedProviderCredentials: z.array(credentialCodeSchema).min(1).nullable(),
  /** Part of the hours that must be about RSC the applicant gives (IMHM clinical). */
  aboutRscGivenHours: hoursSchema,
});

const referencesSchema = z.strictObject({
  roles: z
    .array(z.strictObject({ code: snakeCodeSchema, label: labelSchema }))
    .min(1)
    .max(10),
});

const agreementsSchema = z.strictObject({ codeOfEthics: z.boolean(), endorsementAgreement: z.boolean() });

const membershipSchema = z.strictObject({ required: z.boolean() });

const renewalRequirementsSchema = z.strictObject({
  ceHours: hoursSchema,
  deiHours: hoursSchema,
  /** Part of ceHours an endorsee who provides RSC must spend on RSC. */
  rscProviderRscTrainingHours: hoursSchema,
  rscHours: hoursSchema,
  reducedRscHours: z.strictObject({ afterYearsEndorsed: z.number().int().min(1).max(50), hours: hoursSchema }).nullable(),
  /** No hours are due in the cycle after first endorsement. */
  firstCycleExempt: z.boolean(),
});

/** Everything a category (or track) requires, fully resolved. */
export const requirementsSchema = z.strictObject({
  education: educationSchema,
  workExperience: workExperienceSchema,
  training: trainingSchema,
  rsc: rscSchema.nullable(),
  references: referencesSchema,
  examRequired: z.boolean(),
  /** Review may end in an "emerging" outcome (IECFRS). */
  emergingOutcome: z.boolean(),
  agreements: agreementsSchema,
  membership: membershipSchema,
  renewal: renewalRequirementsSchema,
});

/** Defaults, tracks and association overrides name only the fields they change, section by section. */
export const requirementsPatchSchema = z.strictObject({
  education: educationSchema.partial().optional(),
  workExperience: workExperienceSchema.partial().optional(),
  training: trainingSchema.partial().optional(),
  rsc: rscSchema.partial().nullable().optional(),
  references: referencesSchema.partial().optional(),
  examRequired: z.boolean().optional(),
  emergingOutcome: z.boolean().optional(),
  agreements: agreementsSchema.partial().optional(),
  membership: membershipSchema.partial().optional(),
  renewal: renewalRequirementsSchema.partial().optional(),
});

export type Requirements = z.output<typeof requirementsSchema>;
export type RequirementsPatch = z.output<typeof requirementsPatchSchema>;
