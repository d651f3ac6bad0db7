import { z } from 'zod';

export const associationParamsSchema = z.strictObject({ code: z.string().min(1).max(32) });

export type AssociationParams = z.infer<typeof associationParamsSchema>;
