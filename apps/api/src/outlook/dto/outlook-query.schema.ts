import { z } from 'zod';

/** GET /api/v1/staff/outlook?days=N[&association=CODE]: a query string, so numbers arrive as text. */
export const outlookQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
  /** Only an Alliance-wide administrator may name an association; staff see their own. */
  association: z.string().min(1).max(32).optional(),
});

export type OutlookQuery = z.infer<typeof outlookQuerySchema>;
