import { z } from 'zod';
import { GAP_CODES } from '#framework';
import { allowedEventResponse, calendarDate, portfolioResponse, referenceFields, timestamp } from '../../dto/response-fields.js';

export const eligibilityGapResponse = z
  .strictObject({
    code: z.enum(GAP_CODES),
    message: z.string().meta({ description: 'What is missing, in plain language for the applicant.' }),
    details: z.record(z.string(), z.unknown()).optional().meta({ description: 'The numbers behind the gap (required, recorded …).' }),
  })
  .meta({ id: 'EligibilityGap', description: 'One unmet requirement of the category.' });

const applicationHeading = {
  id: z.string(),
  associationCode: z.string(),
  categoryCode: z.string(),
  trackCode: z.string().nullable(),
  displayName: z.string().meta({ description: "The association's name for the category." }),
  state: z.string(),
  version: z.int(),
  createdAt: timestamp,
};

const money = z.strictObject({ amount: z.number(), currency: z.string() });

const pendingStep = z
  .discriminatedUnion('step', [
    z.strictObject({ step: z.enum(['complete_and_submit', 'amend_and_resubmit', 'association_review', 'panel_review', 'on_hold']), description: z.string() }),
    z.strictObject({
      step: z.literal('reference'),
      description: z.string(),
      referenceId: z.string(),
      raterName: z.string(),
      role: z.string(),
      status: z.enum(['requested', 'bounced']),
      requestedAt: timestamp.nullable(),
      nextReminderAt: timestamp.nullable(),
      overdueAt: timestamp.nullable(),
    }),
    z.strictObject({
      step: z.literal('sit_exam'),
      description: z.string(),
      approvedAt: timestamp,
      approvalExpiresAt: timestamp,
      sitting: z.strictObject({ sitsOn: calendarDate, online: z.boolean(), location: z.string().nullable(), candidateCode: z.string() }).nullable(),
    }),
    z.strictObject({
      step: z.literal('renew'),
      description: z.string(),
      dueOn: calendarDate,
      lateFeeFrom: timestamp,
      lapsesAt: timestamp,
      fee: money.meta({ description: 'The renewal fee.' }),
      lateFee: money.meta({ description: 'Added to the fee when renewing from lateFeeFrom on.' }),
    }),
  ])
  .meta({ id: 'PendingStep', description: 'Something still to happen on an application, with the dates the applicant can plan by.' });

const referenceView = z
  .strictObject({
    ...referenceFields,
    requestedAt: timestamp.nullable(),
    ratedAt: timestamp.nullable(),
    rating: z.unknown().optional().meta({ description: "The rater's answers; never present when the applicant waived access to this form." }),
  })
  .meta({ id: 'ApplicantReference' });

const labelled = z.strictObject({ code: z.string(), label: z.string() });

const portfolioChoices = z
  .strictObject({
    educationLevels: z.array(labelled).meta({ description: 'Lowest first.' }),
    referenceRoles: z.array(labelled).meta({ description: 'One reference per role, in this order.' }),
    competencyDomains: z.array(z.strictObject({ code: z.string(), label: z.string(), areas: z.array(labelled) })),
  })
  .meta({
    id: 'PortfolioChoices',
    description: "The codes the portfolio's fields take (education level, reference role, competency areas), with their names.",
  });

export const applicationViewResponse = z
  .strictObject({
    ...applicationHeading,
    portfolio: portfolioResponse,
    choices: portfolioChoices,
    eligibilityGaps: z.array(eligibilityGapResponse),
    references: z.array(referenceView),
    pendingSteps: z.array(pendingStep),
    endorsement: z.strictObject({ number: z.string(), endorsedAt: timestamp.nullable(), renewalDueOn: calendarDate.nullable() }).nullable(),
    submittedAt: timestamp.nullable(),
    updatedAt: timestamp,
    allowedEvents: z.array(allowedEventResponse).meta({
      description:
        "What the applicant may do now from the current state, in the state machine's order, each with its route; guards are checked when it is done.",
    }),
  })
  .meta({ id: 'Application', description: "One of the caller's applications: where it stands, what it lacks, and what is still to happen." });

export const applicationListResponse = z
  .strictObject({
    applications: z.array(
      z
        .strictObject({
          ...applicationHeading,
          endorsementNumber: z.string().nullable(),
          stateChangedAt: timestamp,
          nextStep: pendingStep.nullable().meta({ description: 'The first of the pending steps the full view lists; null when nothing is left to happen.' }),
        })
        .meta({ id: 'ApplicationSummary' }),
    ),
  })
  .meta({ id: 'ApplicationList', description: "The caller's applications, newest first." });

export const startedApplicationResponse = z
  .strictObject({ id: z.string(), state: z.literal('draft'), version: z.int() })
  .meta({ id: 'StartedApplication', description: 'The new draft application.' });

export const portfolioEditedResponse = z
  .strictObject({ version: z.int(), eligibilityGaps: z.array(eligibilityGapResponse) })
  .meta({ id: 'PortfolioEdited', description: 'The new version, and what the portfolio still lacks (empty when eligible).' });

export const applicantTimelineResponse = z
  .strictObject({
    events: z.array(
      z
        .strictObject({
          event: z.string(),
          from: z.string(),
          to: z.string(),
          by: z.enum(['you', 'staff', 'system']),
          at: timestamp,
          reason: z.string().nullable(),
        })
        .meta({ id: 'ApplicantTimelineEntry' }),
    ),
    pendingSteps: z.array(pendingStep),
  })
  .meta({ id: 'ApplicantTimeline', description: 'What happened on the application, and what is still to happen.' });

export const applicationEmailsResponse = z
  .strictObject({
    emails: z.array(
      z
        .strictObject({
          id: z.string(),
          template: z.string(),
          to: z.enum(['you', 'rater']),
          raterName: z.string().optional(),
          status: z.enum(['queued', 'sending', 'sent', 'failed', 'bounced', 'suppressed']),
          summary: z.string().meta({ description: 'The status in a sentence the applicant can act on.' }),
          createdAt: timestamp,
          sentAt: timestamp.nullable(),
        })
        .meta({ id: 'ApplicationEmail' }),
    ),
  })
  .meta({ id: 'ApplicationEmails', description: "The emails sent on the application's behalf, with their delivery status." });

export const raterChangedResponse = z
  .strictObject({ referenceId: z.string() })
  .meta({ id: 'RaterChanged', description: 'The reference that now asks the new address.' });
