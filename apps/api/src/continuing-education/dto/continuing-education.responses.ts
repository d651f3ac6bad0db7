import { z } from 'zod';
import { calendarDate, timestamp } from '../../dto/response-fields.js';

const ceEntryFields = {
  id: z.string(),
  kind: z.enum(['training', 'rsc']),
  title: z.string(),
  provider: z.string(),
  completedOn: calendarDate,
  hours: z.number(),
  dei: z.boolean(),
  aboutRsc: z.boolean(),
  competencyAreas: z.array(z.string()),
  status: z.enum(['pending', 'approved', 'rejected']),
  reviewedAt: timestamp.nullable(),
  reviewNote: z.string().nullable().meta({ description: 'Why staff rejected it, told to the endorsee.' }),
  createdAt: timestamp,
};

export const ceEntryResponse = z
  .strictObject(ceEntryFields)
  .meta({ id: 'CeEntry', description: 'One continuing-education entry; approved hours count towards renewal.' });

export const ceLogResponse = z
  .strictObject({
    entries: z.array(ceEntryResponse),
    progress: z
      .strictObject({
        dueOn: calendarDate.meta({ description: 'The due day of the current cycle: the earliest among the endorsements held.' }),
        firstCycle: z.boolean(),
        exempt: z.boolean().meta({ description: 'Nothing is required this cycle.' }),
        measures: z.array(z.strictObject({ code: z.string(), required: z.number(), recorded: z.number(), what: z.string(), met: z.boolean() })),
      })
      .nullable()
      .meta({ id: 'CeProgress', description: 'Progress against the current cycle; null without an endorsement.' }),
  })
  .meta({ id: 'CeLog', description: "The endorsee's entries and their progress." });

export const ceReviewListResponse = z
  .strictObject({
    entries: z.array(z.strictObject({ ...ceEntryFields, personId: z.string(), fullName: z.string() }).meta({ id: 'CeEntryForReview' })),
    nextAfter: z.string().nullable().meta({ description: 'Pass as `after` for the next page; null on the last one.' }),
  })
  .meta({ id: 'CeReviewList', description: 'A page of entries to review, with who logged them.' });

export const endorsementListResponse = z
  .strictObject({
    endorsements: z.array(
      z
        .strictObject({
          applicationId: z.string(),
          categoryCode: z.string(),
          trackCode: z.string().nullable(),
          displayName: z.string(),
          number: z.string(),
          status: z.string(),
          endorsedAt: timestamp.nullable(),
          renewalDueOn: calendarDate.nullable(),
          registryListed: z.boolean().meta({ description: 'Whether the endorsee chose to appear in the public registry.' }),
        })
        .meta({ id: 'Endorsement' }),
    ),
  })
  .meta({ id: 'EndorsementList', description: 'The endorsements the caller holds.' });

export const renewalResponse = z
  .strictObject({
    renewals: z.array(
      z
        .strictObject({
          associationCode: z.string(),
          dueOn: calendarDate,
          nextDueOn: calendarDate,
          fee: z.strictObject({ amount: z.number(), currency: z.string(), late: z.boolean() }),
          applicationIds: z.array(z.string()).meta({ description: 'The endorsements this renewal renews.' }),
        })
        .meta({ id: 'RenewalMade', description: "A person's endorsements in one association due the same day, renewed for one fee." }),
    ),
  })
  .meta({ id: 'Renewal', description: 'The renewals made, one per association and due day, each with its next due day and fee.' });
