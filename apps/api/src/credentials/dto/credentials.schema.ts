import { z } from 'zod';

/** An endorsement number as associations issue them (prefix, dash, digits), bounded. */
export const endorsementNumberParamsSchema = z.strictObject({ number: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'is not an endorsement number') });

export type EndorsementNumberParams = z.infer<typeof endorsementNumberParamsSchema>;

export const associationParamsSchema = z.strictObject({ association: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,31}$/, 'is not an association code') });

export type AssociationParams = z.infer<typeof associationParamsSchema>;
