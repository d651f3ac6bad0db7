import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A rater's link secret is derived from the reference id with a server key, so it can be written
 * into every email (request, reminders) without being stored: the database keeps only its hash.
 * Replacing a rater's address creates a new reference and with it a new secret.
 */
export function raterLinkToken(linkSecret: string, referenceId: string): string {
  return createHmac('sha256', linkSecret).update(`rater-link:${referenceId}`).digest('base64url');
}

/** What the database stores and looks links up by. */
export function hashRaterLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when `token` is the link of `referenceId`; constant time. */
export function verifyRaterLinkToken(linkSecret: string, referenceId: string, token: string): boolean {
  const expected = Buffer.from(raterLinkToken(linkSecret, referenceId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
