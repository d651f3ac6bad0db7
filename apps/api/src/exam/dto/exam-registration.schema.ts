import { z } from 'zod';
import { plainText } from '../../dto/text.fields.js';

export const examApprovalSchema = z.strictObject({ windowId: z.uuid().optional() });

export type ExamApprovalBody = z.infer<typeof examApprovalSchema>;

export const examRegistrationSchema = z.strictObject({
  windowId: z.uuid(),
  /** A retake's written request, where the association's rules ask for one. */
  retakeRequest: plainText(4000).min(1).optional(),
});

export type ExamRegistrationBody = z.infer<typeof examRegistrationSchema>;
