import { z } from 'zod';
import { RECOMMENDATIONS } from '#endorsement';
import { plainText } from '../../dto/text.fields.js';

export const panelAssignmentSchema = z.strictObject({
  reviewerIds: z
    .array(z.uuid())
    .length(2)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must name two different reviewers' }),
});

export type PanelAssignmentBody = z.infer<typeof panelAssignmentSchema>;

export const reviewParamsSchema = z.strictObject({ applicationId: z.uuid() });

export type ReviewParams = z.infer<typeof reviewParamsSchema>;

export const panelVoteSchema = z.strictObject({
  /** Competency domain code → met or not; the domains themselves are checked against the framework. */
  checklist: z
    .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be a competency domain code' }), z.enum(['met', 'not_met']))
    .refine((c) => Object.keys(c).length <= 32, {
      error: 'has too many entries',
    }),
  recommendation: z.enum(RECOMMENDATIONS),
  /** Required to defer or deny: the applicant reads them. */
  notes: plainText(4000).optional(),
});

export type PanelVoteBody = z.infer<typeof panelVoteSchema>;

export const panelDecisionSchema = z.strictObject({
  recommendation: z.enum(RECOMMENDATIONS),
  /** Required to defer or deny: the applicant is told what to amend or why. */
  reason: plainText(4000).min(1).optional(),
});

export type PanelDecisionBody = z.infer<typeof panelDecisionSchema>;
