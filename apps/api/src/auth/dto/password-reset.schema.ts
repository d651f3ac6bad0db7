import { z } from 'zod';
import { emailField, givenPasswordField, opaqueTokenField, passwordField } from './auth-fields.js';

export const passwordResetRequestSchema = z.strictObject({ email: emailField });

export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetSchema = z.strictObject({ token: opaqueTokenField, password: passwordField });

export type PasswordResetBody = z.infer<typeof passwordResetSchema>;

export const passwordChangeSchema = z.strictObject({ currentPassword: givenPasswordField, newPassword: passwordField });

export type PasswordChangeBody = z.infer<typeof passwordChangeSchema>;
