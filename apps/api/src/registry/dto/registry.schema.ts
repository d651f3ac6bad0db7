import { z } from 'zod';
import { singleLineText } from '../../dto/text.fields.js';
import { decodeKeysetCursor } from '#endorsement';

/** `cursor` of the registry: the (name, id) key of the last entry shown, as we issued it. */
const registryCursorField = z
  .string()
  .max(1000)
  .transform((cursor, ctx) => {
    const key = decodeKeysetCursor(cursor, 2);
    if (!key || !z.uuid().safeParse(key[1]).success) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor this listing issued' });
      return z.NEVER;
    }
    return { name: key[0], id: key[1] };
  });

export const registrySearchSchema = z.strictObject({
  association: z.string().min(1).max(32).optional(),
  category: z.string().min(1).max(32).optional(),
  q: singleLineText(100).min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: registryCursorField.optional(),
});

export type RegistrySearchQuery = z.infer<typeof registrySearchSchema>;

export const listingParamsSchema = z.strictObject({ applicationId: z.uuid() });

export type ListingParams = z.infer<typeof listingParamsSchema>;

export const listingSchema = z.strictObject({ listed: z.boolean() });

export type ListingBody = z.infer<typeof listingSchema>;
