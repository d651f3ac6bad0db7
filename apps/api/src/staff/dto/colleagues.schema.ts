import { z } from 'zod';
import { associationParam } from './staff-queue.schema.js';

export const STAFF_ROLES = ['coordinator', 'reviewer', 'exam_reviewer', 'administrator'] as const;

export const colleaguesQuerySchema = z.strictObject({
  role: z.enum(STAFF_ROLES),
  association: associationParam.optional(),
});

export type ColleaguesQuery = z.infer<typeof colleaguesQuerySchema>;
