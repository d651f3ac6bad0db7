import { ProblemException } from '#platform';

/**
 * The problems sign-in answers with, each with a stable code. Credentials problems never say which
 * part was wrong, nor whether the account exists or is locked.
 */
export const AuthProblems = {
  invalidCredentials: () =>
    new ProblemException(
      401,
      'invalid_credentials',
      'Invalid credentials',
      'The email address or password is not correct, or the account is temporarily locked.',
    ),
  authenticationRequired: () =>
    new ProblemException(401, 'authentication_required', 'Authentication required', 'Send an access token: Authorization: Bearer <token>.'),
  invalidToken: () =>
    new ProblemException(
      401,
      'invalid_token',
      'Invalid access token',
      'The access token is malformed, was not issued by this system, or is not an access token.',
    ),
  tokenExpired: () =>
    new ProblemException(401, 'token_expired', 'Access token expired', 'Get a new access token with your refresh token (POST /api/v1/auth/refresh).'),
  invalidRefreshToken: () => new ProblemException(401, 'invalid_refresh_token', 'Invalid refresh token', 'Sign in again.'),
  crossOriginRequest: () =>
    new ProblemException(
      403,
      'cross_origin_request',
      'Request from another site refused',
      'A browser session is used only from pages of this site, with the header X-Session: cookie. Open the site and try again.',
    ),
  forbidden: () => new ProblemException(403, 'forbidden', 'Forbidden', 'Your account does not have a role that may do this.'),
  emailTaken: () =>
    new ProblemException(409, 'email_taken', 'Email address already registered', 'An account with this email address exists; sign in or reset its password.'),
  wrongPassword: () =>
    new ProblemException(
      422,
      'wrong_password',
      'Current password not correct',
      'The current password you gave is not the one of this account; nothing was changed.',
    ),
  invalidLink: () =>
    new ProblemException(400, 'invalid_link', 'Link not valid', 'This link has expired, was already used, or is not a link we sent. Ask for a new one.'),
  tooManyRequests: (retryAfterSeconds: number) =>
    new ProblemException(429, 'too_many_requests', 'Too many requests', `Please wait ${retryAfterSeconds} seconds before trying again.`, {
      retryAfter: retryAfterSeconds,
    }),
  /** A value that passed the schema but names something that does not exist; shaped like validation_failed. */
  invalidField: (field: string, message: string) =>
    new ProblemException(400, 'validation_failed', 'Invalid request', `${field}: ${message}`, { errors: [{ field, message }] }),
};
