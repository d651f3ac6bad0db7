import { RaterLinkUnavailableError } from '#endorsement';

// A rater link's secret: an HMAC-SHA256 in base64url (see #auth raterLinkToken).
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The token from the path, or the same "link does not work" answer as for a token that does not exist. */
export function raterToken(value: string): string {
  if (!TOKEN.test(value)) throw new RaterLinkUnavailableError('unknown');
  return value;
}
