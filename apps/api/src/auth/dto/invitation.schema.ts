import { z } from 'zod';
import { INVITABLE_STAFF_ROLES } from '#auth';
import { associationCodeField, emailField, fullNameField, opaqueTokenField, passwordField } from './auth-fields.js';

export const staffInvitationSchema = z.strictObject({
  email: emailField,
  fullName: fullNameField,
  roles: z.array(z.enum(INVITABLE_STAFF_ROLES)).min(1).max(INVITABLE_STAFF_ROLES.length),
  associationCode: associationCodeField.optional(),
});

export type StaffInvitationBody = z.infer<typeof staffInvitationSchema>;

export const acceptInvitationSchema = z.strictObject({ token: opaqueTokenField, password: passwordField, fullName: fullNameField });

export type AcceptInvitationBody = z.infer<typeof acceptInvitationSchema>;
