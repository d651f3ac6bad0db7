import { z } from 'zod';
import { plainText, singleLineText } from '../../dto/text.fields.js';

const text = (max: number) => singleLineText(max).min(1);
const competencyArea = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be a competency area code' });

export const ceEntrySchema = z.strictObject({
  /** A training, or reflective supervision/consultation received. */
  kind: z.enum(['training', 'rsc']),
  title: text(300),
  provider: text(200),
  completedOn: z.iso.date(),
  hours: z.number().positive().max(1000).multipleOf(0.01),
  /** The training was on diversity, equity and inclusion. */
  dei: z.boolean().default(false),
  /** The training was about reflective supervision/consultation (counts for RSC providers). */
  aboutRsc: z.boolean().default(false),
  competencyAreas: z.array(competencyArea).max(60).default([]),
});

export type CeEntryBody = z.infer<typeof ceEntrySchema>;

export const ceReviewQuerySchema = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last entry id of the previous page. */
  after: z.uuid().optional(),
});

export type CeReviewQuery = z.infer<typeof ceReviewQuerySchema>;

export const ceEntryParamsSchema = z.strictObject({ entryId: z.uuid() });

export type CeEntryParams = z.infer<typeof ceEntryParamsSchema>;

export const rejectCeEntrySchema = z.strictObject({
  reason: plainText(2000).min(1),
});

export type RejectCeEntryBody = z.infer<typeof rejectCeEntrySchema>;
