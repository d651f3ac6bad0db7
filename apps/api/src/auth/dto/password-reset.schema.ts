import { z } from 'zod';
import { emailField, opaqueTokenField, passwordField } from './auth-fields.js';

export const passwordResetRequestSchema = z.strictObject({ email: emailField });

export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetSchema = z.strictObject({ token: opaqueTokenField, password: passwordField });

export type PasswordResetBody = z.infer<typeof passwordResetSchema>;
