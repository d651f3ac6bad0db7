import { z } from 'zod';
import { VETTING_OUTCOMES } from '#endorsement';
import { WORKFLOW_EVENTS } from '#workflow';
import { plainText } from '../../dto/text.fields.js';

export { applicationParamsSchema, referenceParamsSchema, type ApplicationParams, type ReferenceParams } from '../../dto/application-params.schema.js';

export const assignSchema = z.strictObject({ accountId: z.uuid().nullable() });

export type AssignBody = z.infer<typeof assignSchema>;

export const staffTransitionSchema = z.strictObject({
  event: z.enum(WORKFLOW_EVENTS),
  reason: plainText(2000).min(1).optional(),
});

export type StaffTransitionBody = z.infer<typeof staffTransitionSchema>;

export const vettingCallSchema = z.strictObject({
  calledAt: z.iso.datetime({ offset: true }).transform((at) => new Date(at)),
  outcome: z.enum(VETTING_OUTCOMES, { error: 'choose how the call went' }),
  notes: plainText(4000).default(''),
});

export type VettingCallBody = z.infer<typeof vettingCallSchema>;
