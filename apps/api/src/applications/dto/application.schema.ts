import { z } from 'zod';
import { portfolioSchema, raterNameSchema } from '#framework';
import { plainText } from '../../dto/text.fields.js';

export { applicationParamsSchema, referenceParamsSchema, type ApplicationParams, type ReferenceParams } from '../../dto/application-params.schema.js';

/** Association, category and track codes as the framework data spells them (e.g. MI-AIMH, IMHM, clinical). */
const frameworkCode = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'must be a code from the framework data' });

export const startApplicationSchema = z.strictObject({
  associationCode: frameworkCode,
  categoryCode: frameworkCode,
  trackCode: frameworkCode.optional(),
});

export type StartApplicationBody = z.infer<typeof startApplicationSchema>;

/** A reason a person reads: bounded, no control characters but line breaks and tabs. */
const reasonField = plainText(2000).min(1);

/** Routes that take no input still refuse any they are sent. */
export const noBodySchema = z.strictObject({}).optional();

export const withdrawSchema = z.strictObject({ reason: reasonField.optional() }).optional();

export type WithdrawBody = z.infer<typeof withdrawSchema>;

export const reinstateSchema = z.strictObject({ references: portfolioSchema.shape.references.min(1).optional() }).optional();

export type ReinstateBody = z.infer<typeof reinstateSchema>;

export const raterEmailSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(254),
  /** Another person for the same role, when the rater's form could not count. */
  raterName: raterNameSchema.optional(),
});

export type RaterEmailBody = z.infer<typeof raterEmailSchema>;
