import { z } from 'zod';

export const registryPageResponse = z
  .strictObject({
    items: z.array(
      z
        .strictObject({
          name: z.string(),
          categoryName: z.string(),
          association: z.strictObject({ code: z.string(), name: z.string() }),
          status: z.enum(['endorsed', 'renewal_due']),
          endorsementNumber: z.string(),
        })
        .meta({ id: 'RegistryEntry' }),
    ),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last one.' }),
  })
  .meta({ id: 'RegistryPage', description: 'Endorsees who chose to be listed.' });

export const registryListingResponse = z
  .strictObject({ applicationId: z.string(), listed: z.boolean() })
  .meta({ id: 'RegistryListing', description: 'Whether the endorsement appears in the public registry.' });
