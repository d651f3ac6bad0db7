import { z } from 'zod';

// Sizes bound what one applicant can plausibly enter; they protect storage and the edge, not rules.
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
const code = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case code');
const hours = z.number().positive().max(5_000).multipleOf(0.01);

const startBeforeEnd = (entry: { startedOn: string; endedOn?: string }) => entry.endedOn === undefined || entry.startedOn <= entry.endedOn;
const endAfterStart = { message: 'must not be before startedOn', path: ['endedOn'] };

const education = z.strictObject({
  /** One of the framework's education level codes. */
  level: code,
  field: text(200).optional(),
  institution: text(200).optional(),
  completedOn: isoDate.optional(),
});

const work = z
  .strictObject({
    employer: text(200),
    role: text(200),
    startedOn: isoDate,
    /** Absent while the job continues. */
    endedOn: isoDate.optional(),
    paid: z.boolean(),
    infantFamilyWork: z.boolean(),
    /** Families with children aged 0–36 months served in this job. */
    familiesServed: z.number().int().min(0).max(100_000).optional(),
    leadership: z.boolean().optional(),
    providesRsc: z.boolean().optional(),
  })
  .refine(startBeforeEnd, endAfterStart);

const training = z.strictObject({
  title: text(300),
  provider: text(200),
  date: isoDate,
  hours,
  /** Competency area codes the training covers. */
  competencyAreas: z.array(code).max(60),
  dei: z.boolean(),
  rsc: z.boolean(),
});

const rsc = z
  .strictObject({
    provider: text(200),
    /** The provider's endorsement credential, e.g. IMHS or IMHM-C. */
    providerCredential: z.string().max(40).optional(),
    hours,
    startedOn: isoDate,
    endedOn: isoDate,
    /** The sessions were about RSC the applicant gives (IMHM clinical). */
    aboutRscGiven: z.boolean().optional(),
  })
  .refine(startBeforeEnd, endAfterStart);

/**
 * A rater's name opens the emails sent to them from the association ("Dear …"), so it must be a
 * person's name and nothing that reads as a link or an address: letters, spaces, apostrophes,
 * hyphens and periods. A period directly followed by letters is how a web address looks ("prize.com").
 */
export const raterNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty', abort: true })
  .max(100, { error: 'must be at most 100 characters' })
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u, { error: "must be a person's name: letters, spaces, apostrophes (’), hyphens (-) and periods only", abort: true })
  .refine((name) => !/\.\p{L}{2}/u.test(name), { error: "must be a person's name, not a web address: put a space after each period, as in “J. Doe”" });

const reference = z.strictObject({
  raterName: raterNameSchema,
  raterEmail: z.email().max(254),
  /** One of the category's reference role codes. */
  role: code,
  /** The applicant waived the right to see this rater's form. */
  waivedAccess: z.boolean(),
});

/** What an applicant documents; stored as JSON on the application and checked by checkEligibility. */
export const portfolioSchema = z.strictObject({
  education: z.array(education).max(20),
  work: z.array(work).max(50),
  trainings: z.array(training).max(500),
  rsc: z.array(rsc).max(200),
  references: z.array(reference).max(10),
  agreements: z.strictObject({
    codeOfEthicsSignedAt: z.iso.datetime({ offset: true }).optional(),
    endorsementAgreementSignedAt: z.iso.datetime({ offset: true }).optional(),
  }),
  membership: z
    .strictObject({
      association: text(40),
      memberId: text(80).optional(),
      validUntil: isoDate.optional(),
    })
    .nullable(),
});

export type Portfolio = z.output<typeof portfolioSchema>;
