import { z } from 'zod';
import { APPLICATION_STATES } from '#workflow';
import { queueCursorField } from './queue-cursor.field.js';

export const associationParam = z.string().min(1).max(32);

export const staffQueueCountsSchema = z.strictObject({ association: associationParam.optional() });

export type StaffQueueCountsQuery = z.infer<typeof staffQueueCountsSchema>;

export const staffQueueSchema = z.strictObject({
  state: z.enum(APPLICATION_STATES).optional(),
  association: associationParam.optional(),
  category: z.string().min(1).max(32).optional(),
  assignee: z.union([z.enum(['me', 'none']), z.uuid()]).optional(),
  waitingDaysMin: z.coerce.number().int().min(0).max(36_500).optional(),
  failedEmail: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: queueCursorField.optional(),
});

export type StaffQueueQuery = z.infer<typeof staffQueueSchema>;
