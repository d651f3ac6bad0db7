import { z } from 'zod';
import { portfolioSchema } from '#framework';
import { WORKFLOW_EVENTS } from '#workflow';

/**
 * Building blocks of the response schemas. A response schema's output type is what the use case
 * returns (Dates included) and its input type is the JSON on the wire, which is what the OpenAPI
 * document describes (see api-document.ts), so controllers can be typed by the schema.
 */

/** A moment as JSON carries it: ISO 8601 with a time zone. */
export const isoTimestamp = z.string().meta({ format: 'date-time' });

/** A moment the use case holds as a Date and JSON writes as ISO 8601. */
export const timestamp = z.codec(isoTimestamp, z.date(), { decode: (text) => new Date(text), encode: (date) => date.toISOString() });

/** A calendar day (YYYY-MM-DD). */
export const calendarDate = z.string().meta({ format: 'date' });

export const count = z.int().min(0);

/** The portfolio as stored; a draft may not have every section yet. */
export const portfolioResponse = portfolioSchema
  .partial()
  .meta({ id: 'Portfolio', description: 'What the applicant documents, section by section, as they sent it.' });

/** Where an application stands after a transition; its version is also the answer's ETag. */
export const stepTakenResponse = z
  .strictObject({ applicationId: z.string(), state: z.string(), version: z.int() })
  .meta({ id: 'StepTaken', description: "The application's state and version after the step; send the version back as If-Match." });

/** An accepted invitation: the account, and the address it signs in with (the page signs the person in). */
export const acceptedInvitationResponse = z
  .strictObject({ accountId: z.string(), email: z.string() })
  .meta({ id: 'AcceptedInvitation', description: 'The account activated, and the email address it signs in with.' });
export const accountIdResponse = z.strictObject({ accountId: z.string() }).meta({ id: 'AccountId', description: 'The account created or activated.' });

/** A reference as the applicant named its rater, and where it stands. */
export const referenceFields = {
  id: z.string(),
  role: z.string(),
  raterName: z.string(),
  raterEmail: z.string(),
  waivedAccess: z.boolean(),
  status: z.string(),
};

/** Whether a reference still counts (staff and reviewers see ended ones too, marked so). */
export const referenceStandingFields = {
  standing: z
    .enum(['current', 'replaced', 'revoked'])
    .meta({ description: '`replaced`: the applicant named a new address or rater; `revoked`: a reinstatement asked for new references.' }),
  endedAt: isoTimestamp.nullable(),
  replacedBy: z.strictObject({ referenceId: z.string(), raterName: z.string() }).nullable(),
};

export const currentReferenceCount = count.meta({ description: 'How many references still count.' });

/** One event the caller's role may fire from the application's current state (staff and applicant views alike). */
export const allowedEventResponse = z
  .strictObject({
    event: z.enum(WORKFLOW_EVENTS),
    reasonRequired: z.boolean().meta({ description: 'A reason must come with it (the applicant is told it).' }),
    endpoint: z
      .string()
      .nullable()
      .meta({ description: "The route that records it, for events not fired through staff's POST …/transitions (every applicant event has its own)." }),
    blockedBy: z.array(z.strictObject({ guard: z.string(), message: z.string() })).meta({
      description:
        'What stops it now (the guards that do not hold, in words); empty when it can be taken. A reason that is required is not counted: it comes with the step.',
    }),
  })
  .meta({ id: 'AllowedEvent' });
