import { z } from 'zod';
import { currentReferenceCount, isoTimestamp, portfolioResponse, referenceStandingFields, timestamp } from '../../dto/response-fields.js';

export const panelResponse = z
  .strictObject({ applicationId: z.string(), round: z.int(), reviewerIds: z.array(z.string()) })
  .meta({ id: 'Panel', description: "The two reviewers of the application's current round." });

export const reviewListResponse = z
  .strictObject({
    reviews: z.array(
      z
        .strictObject({ applicationId: z.string(), applicantName: z.string(), category: z.string(), round: z.int(), assignedAt: timestamp })
        .meta({ id: 'ReviewListItem' }),
    ),
  })
  .meta({ id: 'ReviewList', description: 'The applications in panel review assigned to the caller.' });

export const reviewResponse = z
  .strictObject({
    applicationId: z.string(),
    state: z.string(),
    version: z.int(),
    applicantName: z.string(),
    category: z.string(),
    round: z.int(),
    portfolio: portfolioResponse,
    references: z
      .array(
        z.strictObject({
          role: z.string(),
          raterName: z.string(),
          status: z.string(),
          rating: z.unknown(),
          ratedAt: isoTimestamp.nullable(),
          vetted: z.boolean(),
          ...referenceStandingFields,
        }),
      )
      .meta({ description: 'Current references first; replaced and revoked ones are marked so, and not counted.' }),
    currentReferenceCount,
    competencyDomains: z
      .array(z.strictObject({ code: z.string(), label: z.string() }))
      .meta({ description: "The checklist's rows: one per competency domain." }),
    yourVote: z
      .strictObject({ recommendation: z.string(), checklist: z.record(z.string(), z.string()), notes: z.string().nullable(), votedAt: isoTimestamp })
      .nullable(),
  })
  .meta({ id: 'Review', description: "An application as its reviewer sees it: portfolio, ratings, the checklist's domains and the caller's vote." });

export const panelVoteResponse = z
  .strictObject({
    applicationId: z.string(),
    round: z.int(),
    votesIn: z.int(),
    outcome: z.string().nullable().meta({ description: "The event the panel's votes fired, once both are in." }),
  })
  .meta({ id: 'PanelVote', description: 'The vote recorded, and the outcome once both votes are in.' });
