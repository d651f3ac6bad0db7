import { z } from 'zod';

/** `:id` of an application route, applicants' and staff's alike. */
export const applicationParamsSchema = z.strictObject({ id: z.uuid() });

export type ApplicationParams = z.infer<typeof applicationParamsSchema>;

/** `:id/…/:referenceId` of a route about one of the application's references. */
export const referenceParamsSchema = z.strictObject({ id: z.uuid(), referenceId: z.uuid() });

export type ReferenceParams = z.infer<typeof referenceParamsSchema>;

/** `:id/emails/:emailId` of a route about one of the application's emails. */
export const emailParamsSchema = z.strictObject({ id: z.uuid(), emailId: z.uuid() });

export type EmailParams = z.infer<typeof emailParamsSchema>;
