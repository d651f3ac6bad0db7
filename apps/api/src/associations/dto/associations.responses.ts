import { z } from 'zod';

export const associationListResponse = z
  .strictObject({
    items: z.array(
      z
        .strictObject({
          code: z.string().meta({ description: 'Sent as `associationCode` when registering.' }),
          name: z.string(),
          region: z.string().nullable().meta({ description: 'The state or region it serves; null when not known.' }),
        })
        .meta({ id: 'AssociationSummary' }),
    ),
  })
  .meta({ id: 'AssociationList', description: 'The associations a person may register with, by name.' });
