import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '#auth';
import { emailField } from './auth-fields.js';

// No minimum length here: a short password is just a wrong one (same 401), not a hint about the rules.
export const logInSchema = z.strictObject({
  email: emailField,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export type LogInBody = z.infer<typeof logInSchema>;
