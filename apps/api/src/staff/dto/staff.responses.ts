import { z } from 'zod';
import { APPLICATION_STATES, ROLES } from '#workflow';
import { eligibilityGapResponse } from '../../applications/dto/application.responses.js';
import {
  allowedEventResponse,
  calendarDate,
  count,
  currentReferenceCount,
  isoTimestamp,
  portfolioResponse,
  referenceFields,
  referenceStandingFields,
} from '../../dto/response-fields.js';

const applicationState = z.enum(APPLICATION_STATES);
const person = z.strictObject({ id: z.string(), name: z.string().nullable() });

export const staffQueueCountsResponse = z
  .strictObject({
    association: z.string().nullable().meta({ description: 'Null: every association (an Alliance-wide administrator).' }),
    queues: z.array(z.strictObject({ state: applicationState, count })).meta({ description: "Every state, zero included, in the state machine's order." }),
  })
  .meta({ id: 'StaffQueueCounts', description: 'How many applications wait in each state.' });

export const staffQueuePageResponse = z
  .strictObject({
    items: z.array(
      z
        .strictObject({
          id: z.string(),
          applicantName: z.string(),
          associationCode: z.string(),
          categoryCode: z.string(),
          categoryName: z.string(),
          state: applicationState,
          version: z.int(),
          waitingSince: isoTimestamp,
          assignee: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
          failedEmail: z.boolean().meta({ description: 'An email about this application could not be delivered.' }),
        })
        .meta({ id: 'StaffQueueItem' }),
    ),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last one.' }),
  })
  .meta({ id: 'StaffQueuePage', description: 'A page of the queue, longest waiting first.' });

const staffReference = z
  .strictObject({
    ...referenceFields,
    rating: z.unknown().meta({ description: "The rater's answers, null until rated." }),
    requestedAt: isoTimestamp.nullable(),
    ratedAt: isoTimestamp.nullable(),
    vettedAt: isoTimestamp.nullable(),
    vettedBy: z.string().nullable(),
    ...referenceStandingFields,
    vettingCalls: z.array(
      z.strictObject({ id: z.string(), calledAt: isoTimestamp, outcome: z.string(), notes: z.string().nullable(), staffAccountId: z.string() }),
    ),
  })
  .meta({ id: 'StaffReference' });

export const staffApplicationResponse = z
  .strictObject({
    id: z.string(),
    associationCode: z.string(),
    categoryCode: z.string(),
    trackCode: z.string().nullable(),
    state: applicationState,
    version: z.int(),
    heldFrom: applicationState.nullable(),
    reinstatement: z.boolean(),
    frameworkVersion: z.string(),
    stateChangedAt: isoTimestamp,
    submittedAt: isoTimestamp.nullable(),
    createdAt: isoTimestamp,
    amendedAt: isoTimestamp.nullable(),
    examApprovedAt: isoTimestamp.nullable(),
    endorsementNumber: z.string().nullable(),
    endorsedAt: isoTimestamp.nullable(),
    renewalDueOn: calendarDate.nullable(),
    registryListed: z.boolean(),
    applicant: z.strictObject({ personId: z.string(), name: z.string(), email: z.string() }),
    assignee: z.strictObject({ id: z.string(), name: z.string(), claimedAt: isoTimestamp }).nullable(),
    portfolio: portfolioResponse,
    currentReferenceCount,
    references: z.array(staffReference).meta({ description: 'Current references first.' }),
    deliveries: z.array(
      z
        .strictObject({
          id: z.string(),
          template: z.string(),
          recipientKind: z.string(),
          recipientName: z.string().nullable(),
          recipientEmail: z.string(),
          referenceId: z.string().nullable(),
          status: z.string(),
          attempts: z.int(),
          smtpResponse: z.string().nullable(),
          lastError: z.string().nullable(),
          createdAt: isoTimestamp,
          sentAt: isoTimestamp.nullable(),
        })
        .meta({ id: 'EmailDelivery' }),
    ),
    examAttempts: z.array(
      z.strictObject({ attemptNo: z.int(), part1Percent: z.number().nullable(), part2Percent: z.number().nullable(), satOn: calendarDate.nullable() }),
    ),
    panelVotes: z.array(
      z.strictObject({
        round: z.int(),
        reviewerId: z.string(),
        reviewerName: z.string().nullable(),
        recommendation: z.string(),
        checklist: z.record(z.string(), z.string()),
        notes: z.string().nullable(),
        createdAt: isoTimestamp,
      }),
    ),
    panel: z
      .strictObject({
        round: z.int(),
        reviewers: z.array(z.strictObject({ id: z.string(), name: z.string() })).meta({ description: 'The reviewers seated for the current round.' }),
        escalated: z.boolean().meta({ description: "The current round's two votes disagree: an administrator decides (POST …/panel-decision)." }),
      })
      .meta({ description: 'The current review round.' }),
    eligibilityGaps: z.array(eligibilityGapResponse).meta({ description: "What the portfolio lacks under the category's pinned rules (empty when eligible)." }),
    allowedEvents: z.array(allowedEventResponse).meta({
      description:
        "The events the caller's role may fire from the current state, in the state machine's order; each with what blocks it now; guards are checked again when fired.",
    }),
  })
  .meta({ id: 'StaffApplication', description: "An application's full record under staff review." });

export const staffTimelineResponse = z
  .strictObject({
    applicationId: z.string(),
    events: z.array(
      z
        .strictObject({
          version: z.int(),
          event: z.string(),
          from: z.string(),
          to: z.string(),
          actor: z.strictObject({ id: z.string().nullable(), role: z.string(), name: z.string().nullable() }),
          reason: z.string().nullable(),
          payload: z.record(z.string(), z.unknown()),
          votes: z.array(z.strictObject({ reviewer: person, recommendation: z.string(), votedAt: isoTimestamp })).optional(),
          occurredAt: isoTimestamp,
        })
        .meta({ id: 'StaffTimelineEvent' }),
    ),
    activities: z.array(
      z
        .strictObject({
          kind: z.enum(['claimed', 'assigned', 'unassigned', 'panel_assigned', 'rater_replaced']),
          actor: person,
          accounts: z.array(person).meta({ description: "The assignee, or the panel's reviewers." }),
          reference: z
            .strictObject({ id: z.string(), raterName: z.string(), role: z.string() })
            .optional()
            .meta({ description: 'The reference whose rater was given a new address (`rater_replaced`); it names its replacement.' }),
          occurredAt: isoTimestamp,
        })
        .meta({ id: 'StaffActivity' }),
    ),
  })
  .meta({ id: 'StaffTimeline', description: 'The audit trail: every transition, and claims, assignments, panels and new rater addresses.' });

export const assignmentResponse = z
  .strictObject({ applicationId: z.string(), assigneeId: z.string().nullable(), claimedAt: isoTimestamp.nullable() })
  .meta({ id: 'Assignment', description: 'Who works on the application now.' });

export const vettingCallResponse = z
  .strictObject({
    id: z.string(),
    referenceId: z.string(),
    vettedAt: isoTimestamp.nullable().meta({ description: 'When the reference counts as vetted, from its latest call that reached the rater.' }),
  })
  .meta({ id: 'VettingCall', description: 'The call recorded.' });

export const colleaguesResponse = z
  .strictObject({
    colleagues: z.array(
      z
        .strictObject({
          id: z.string(),
          name: z.string(),
          associationCode: z.string().nullable(),
          roles: z.array(z.enum(ROLES)),
        })
        .meta({ id: 'Colleague' }),
    ),
  })
  .meta({ id: 'Colleagues', description: "The association's staff holding a role, by name." });
