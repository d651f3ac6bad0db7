import { z } from 'zod';
import { plainText } from '../../dto/text.fields.js';

const associationCode = z.string().min(1).max(32);

export const createExamWindowSchema = z
  .strictObject({
    /** The Alliance-wide administrator names the association; others create windows of their own. */
    associationCode: associationCode.optional(),
    sitsOn: z.iso.date(),
    registrationClosesAt: z.iso.datetime({ offset: true }).transform((at) => new Date(at)),
    online: z.boolean(),
    location: plainText(200).min(1).optional(),
    capacity: z.number().int().min(1).max(10_000),
  })
  .refine((w) => w.online || w.location !== undefined, { path: ['location'], error: 'is required for a sitting in person' });

export type CreateExamWindowBody = z.infer<typeof createExamWindowSchema>;

export const listExamWindowsQuerySchema = z.strictObject({
  associationCode: associationCode.optional(),
  from: z.iso.date().optional(),
});

export type ListExamWindowsQueryParams = z.infer<typeof listExamWindowsQuerySchema>;
