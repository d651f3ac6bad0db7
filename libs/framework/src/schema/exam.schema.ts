import { z } from 'zod';
import { daysSchema, monthsSchema } from './common.schema.js';

const minutesSchema = z.number().int().min(1).max(600);
const percentSchema = z.number().min(0).max(100);
const countSchema = z.number().int().min(1).max(1_000);

const part1Schema = z.strictObject({
  format: z.literal('multiple_choice'),
  questions: countSchema,
  durationMinutes: minutesSchema,
  passPercent: percentSchema,
});

const part2Schema = z.strictObject({
  format: z.literal('vignettes'),
  vignettesOffered: countSchema,
  vignettesToAnswer: countSchema,
  durationMinutes: minutesSchema,
  /** Reviewers who score each answer without knowing the candidate or each other's score. */
  blindReviewers: countSchema,
  passPercent: percentSchema,
});

const retakeSchema = z.strictObject({
  maxAttempts: countSchema,
  waitMonths: monthsSchema,
  writtenRequestRequired: z.boolean(),
});

const approvalExpirySchema = z.strictObject({
  /** What happens to an application whose approval ran out with no sitting booked: `deny` (it may apply again). */
  action: z.literal('deny'),
  /** Days before the approval ends on which the applicant is reminded to book a sitting. */
  reminderDaysBefore: z.array(daysSchema).max(10),
});

export const examRulesSchema = z.strictObject({
  /** How long an approval to sit the exam stays valid. */
  approvalValidMonths: monthsSchema,
  approvalExpiry: approvalExpirySchema,
  part1: part1Schema,
  part2: part2Schema,
  retake: retakeSchema,
});

/** An association's changes to the exam rules, field by field. */
export const examRulesPatchSchema = z.strictObject({
  approvalValidMonths: monthsSchema.optional(),
  approvalExpiry: approvalExpirySchema.partial().optional(),
  part1: part1Schema.partial().optional(),
  part2: part2Schema.partial().optional(),
  retake: retakeSchema.partial().optional(),
});

export type ExamRules = z.output<typeof examRulesSchema>;
