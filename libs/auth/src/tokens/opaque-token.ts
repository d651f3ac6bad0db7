import { createHash, randomBytes } from 'node:crypto';

/** A fresh unguessable token (32 random bytes, base64url): what a refresh token is. */
export function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores and looks tokens up by: a leaked table yields no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
