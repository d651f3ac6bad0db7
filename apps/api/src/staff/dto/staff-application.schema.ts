import { z } from 'zod';
import { VETTING_OUTCOMES } from '#endorsement';
import { WORKFLOW_EVENTS } from '#workflow';

export const applicationParamsSchema = z.strictObject({ id: z.uuid() });

export type ApplicationParams = z.infer<typeof applicationParamsSchema>;

export const referenceParamsSchema = z.strictObject({ id: z.uuid(), referenceId: z.uuid() });

export type ReferenceParams = z.infer<typeof referenceParamsSchema>;

export const assignSchema = z.strictObject({ accountId: z.uuid().nullable() });

export type AssignBody = z.infer<typeof assignSchema>;

/** Text a person reads (in an email, on a page): bounded, no control characters but line breaks and tabs. */
const plainText = (max: number) => z.string().trim().max(max).regex(/^[\n\r\t\P{Cc}]*$/u, { error: 'must not contain control characters' });

export const staffTransitionSchema = z.strictObject({
  event: z.enum(WORKFLOW_EVENTS),
  reason: plainText(2000).min(1).optional(),
});

export type StaffTransitionBody = z.infer<typeof staffTransitionSchema>;

export const vettingCallSchema = z.strictObject({
  calledAt: z.iso.datetime({ offset: true }).transform((at) => new Date(at)),
  outcome: z.enum(VETTING_OUTCOMES),
  notes: plainText(4000).default(''),
});

export type VettingCallBody = z.infer<typeof vettingCallSchema>;
