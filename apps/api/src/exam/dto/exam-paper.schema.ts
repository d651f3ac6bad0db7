import { z } from 'zod';

export const paperParamsSchema = z.strictObject({ paperId: z.uuid() });

export type PaperParams = z.infer<typeof paperParamsSchema>;

export const listPapersQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.uuid().optional(),
});

export type ListPapersQuery = z.infer<typeof listPapersQuerySchema>;

/** A part's result in percent; stored to two decimals. */
export const scoreSchema = z.strictObject({ percent: z.number().min(0).max(100) });

export type ScoreBody = z.infer<typeof scoreSchema>;
