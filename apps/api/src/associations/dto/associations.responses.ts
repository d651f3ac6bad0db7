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

const money = z.strictObject({ amount: z.number(), currency: z.string().meta({ description: 'ISO 4217, e.g. `USD`.' }) }).meta({ id: 'Money' });

const requirements = z
  .strictObject({
    education: z.strictObject({
      minimumLevel: z.string().meta({ description: 'An education level code (`none`, `cda`, `associate`, `bachelor`, `master`, `doctorate`).' }),
      alternativeMonths: z.number().int().nullable().meta({ description: 'Months of work that may stand in for the degree; null when none may.' }),
    }),
    workMonths: z.number().int(),
    trainingHours: z.number(),
    rscHours: z.number().meta({ description: 'Hours of reflective supervision/consultation received; 0 when none is asked.' }),
    references: z.number().int().meta({ description: 'How many references, one per role.' }),
    examRequired: z.boolean(),
    asks: z.array(z.string()).meta({ description: 'What it asks, one plain sentence per requirement.' }),
  })
  .meta({ id: 'CategoryRequirements', description: 'The figures the eligibility check applies, and the same in plain words.' });

export const associationCategoriesResponse = z
  .strictObject({
    association: z.strictObject({ code: z.string(), name: z.string() }),
    categories: z.array(
      z
        .strictObject({
          code: z.string().meta({ description: 'Sent as `categoryCode` when starting an application.' }),
          name: z.string().meta({ description: 'As the association names it.' }),
          level: z.number().int(),
          examRequired: z.boolean().meta({ description: 'For a category with tracks: whether any track asks for the exam (each says).' }),
          applicationFee: money,
          renewalFee: money.meta({ description: 'Yearly, one per person whatever the number of categories.' }),
          lateRenewalFee: money.meta({ description: 'Added to the renewal fee from the day after the due day.' }),
          tracks: z
            .array(z.strictObject({ code: z.string(), name: z.string(), requirements }).meta({ id: 'OfferedTrack' }))
            .meta({ description: 'The tracks offered, one to choose; empty when the category has none.' }),
          requirements: requirements.nullable().meta({ description: 'Null when the category has tracks: each has its own.' }),
        })
        .meta({ id: 'OfferedCategory' }),
    ),
  })
  .meta({ id: 'AssociationCategories', description: 'The categories an association offers, with what each asks and costs.' });
