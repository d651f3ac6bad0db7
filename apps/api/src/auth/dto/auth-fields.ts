import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#auth';

// The fields the auth routes share, each bounded. Strings end up in PostgreSQL (which refuses NUL)
// and in email headers, so names refuse control characters rather than fail later.

export const emailField = z.email({ error: 'must be an email address' }).max(254);

export const passwordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters` });

/** A password being checked, not set: no minimum, so a short one is just a wrong one, not a hint about the rules. */
export const givenPasswordField = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const fullNameField = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'must be at most 200 characters' })
  .regex(/^[^\p{Cc}]*$/u, { error: 'must not contain control characters' });

export const associationCodeField = z.string().min(1).max(32);

/** Refresh tokens and emailed-link secrets: 32 bytes, base64url. */
export const opaqueTokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'is not a token we issue' });
