import { z } from 'zod';
import {
  calendarMonthSchema,
  categoryCodeSchema,
  daysSchema,
  labelSchema,
  moneySchema,
  monthDaySchema,
  snakeCodeSchema,
  timeZoneSchema,
} from './common.schema.js';
import { examRulesPatchSchema } from './exam.schema.js';
import { requirementsPatchSchema } from './requirements.schema.js';

const offeredCategorySchema = z.strictObject({
  /** The association's own name for the category; the framework's name otherwise. */
  displayName: labelSchema.optional(),
  applicationFee: moneySchema,
  /** Tracks offered, each optionally relabelled; every track when absent. */
  tracks: z.record(snakeCodeSchema, z.strictObject({ label: labelSchema.optional() })).optional(),
  /** Where this association's rules differ from the framework's, for every track of the category. */
  overrides: requirementsPatchSchema.optional(),
});

const renewalCycleSchema = z.strictObject({
  dueMonthDay: monthDaySchema,
  /** Last day a renewal is accepted (with the late fee); the endorsement lapses after it. */
  lateWindowEndMonthDay: monthDaySchema,
  fee: moneySchema,
  lateFee: moneySchema,
  leadDays: daysSchema,
  reminderDaysBefore: z.array(z.number().int().min(0).max(3_660)).max(20),
  lateWindowReminderEveryDays: daysSchema,
});

const referenceLinksSchema = z.strictObject({
  linkValidDays: daysSchema,
  reminderDaysAfter: z.array(daysSchema).max(20),
  escalationDay: daysSchema,
});

const associationExamSchema = examRulesPatchSchema.extend({
  windows: z.union([z.literal('monthly'), z.array(calendarMonthSchema).min(1).max(12)]),
});

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1d4f91');

/** How the association's certificates look: its colours (the PDF's frame and headings, and the rule under them). */
const brandingSchema = z.strictObject({
  primaryColor: hexColor,
  accentColor: hexColor,
  /** The line under the association's name on a certificate, e.g. its motto or the credential's full title. */
  tagline: labelSchema.optional(),
});

/** config/associations/<code>.yaml, after the association defaults are layered under it. */
export const associationSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,31}$/, 'must be letters, digits and dashes'),
  name: labelSchema,
  /** Where it is (a state, a country's region), for people choosing theirs; unknown when absent. */
  region: labelSchema.optional(),
  /** Where staff notices go (overdue references, escalations) until staff accounts take over. */
  coordinatorEmail: z.email(),
  timeZone: timeZoneSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code'),
  endorsementNumberPrefix: z.string().regex(/^[A-Z][A-Z0-9-]{0,15}$/, 'must be upper-case letters, digits and dashes'),
  categories: z.record(categoryCodeSchema, offeredCategorySchema),
  renewal: renewalCycleSchema,
  references: referenceLinksSchema,
  exam: associationExamSchema,
  branding: brandingSchema,
  /**
   * Applications are made through one's own association (membership is a requirement); these are the
   * other associations whose members may apply here too (reciprocity). None when absent.
   */
  acceptsApplicantsFrom: z.array(z.string()).max(100).default([]),
});

/** config/framework/association-defaults.yaml */
export const associationDefaultsSchema = z.strictObject({
  renewal: renewalCycleSchema.partial().optional(),
  references: referenceLinksSchema.partial().optional(),
  exam: associationExamSchema.partial().optional(),
  branding: brandingSchema.partial().optional(),
});

export type Association = z.output<typeof associationSchema>;
export type OfferedCategory = z.output<typeof offeredCategorySchema>;
