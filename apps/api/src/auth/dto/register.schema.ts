import { z } from 'zod';
import { associationCodeField, emailField, fullNameField, passwordField } from './auth-fields.js';

export const registerSchema = z.strictObject({
  email: emailField,
  password: passwordField,
  fullName: fullNameField,
  associationCode: associationCodeField,
});

export type RegisterBody = z.infer<typeof registerSchema>;
