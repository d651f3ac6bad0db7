import { createHmac } from 'node:crypto';

/**
 * The secret in an invitation or password-reset link, derived from the account token's id with the
 * server's link key, as rater links are: the worker writes it into the email at send time, and the
 * database keeps only its hash (account_tokens.token_hash), never the link itself.
 */
export function accountLinkToken(linkSecret: string, accountTokenId: string): string {
  return createHmac('sha256', linkSecret).update(`account-link:${accountTokenId}`).digest('base64url');
}
