import { z } from 'zod';
import { emailField, givenPasswordField } from './auth-fields.js';

export const logInSchema = z.strictObject({
  email: emailField,
  password: givenPasswordField,
});

export type LogInBody = z.infer<typeof logInSchema>;
