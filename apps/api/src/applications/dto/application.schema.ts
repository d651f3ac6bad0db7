import { z } from 'zod';
import { portfolioSchema } from '#framework';

export const applicationParamsSchema = z.strictObject({ id: z.uuid() });

export type ApplicationParams = z.infer<typeof applicationParamsSchema>;

export const referenceParamsSchema = z.strictObject({ id: z.uuid(), referenceId: z.uuid() });

export type ReferenceParams = z.infer<typeof referenceParamsSchema>;

/** Association, category and track codes as the framework data spells them (e.g. MI-AIMH, IMHM, clinical). */
const frameworkCode = z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, { error: 'must be a code from the framework data' });

export const startApplicationSchema = z.strictObject({
  associationCode: frameworkCode,
  categoryCode: frameworkCode,
  trackCode: frameworkCode.optional(),
});

export type StartApplicationBody = z.infer<typeof startApplicationSchema>;

/** A reason a person reads: bounded, no control characters but line breaks and tabs. */
const reasonField = z.string().trim().min(1).max(2000).regex(/^[\n\r\t\P{Cc}]*$/u, { error: 'must not contain control characters' });

/** Routes that take no input still refuse any they are sent. */
export const noBodySchema = z.strictObject({}).optional();

export const withdrawSchema = z.strictObject({ reason: reasonField.optional() }).optional();

export type WithdrawBody = z.infer<typeof withdrawSchema>;

export const reinstateSchema = z.strictObject({ references: portfolioSchema.shape.references.min(1).optional() }).optional();

export type ReinstateBody = z.infer<typeof reinstateSchema>;

export const raterEmailSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(254),
  /** Another person for the same role, when the rater's form could not count. */
  raterName: z.string().trim().min(1).max(200).regex(/^\P{Cc}*$/u, { error: 'must be plain text' }).optional(),
});

export type RaterEmailBody = z.infer<typeof raterEmailSchema>;
