import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountRow } from '../accounts/account-row.js';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokens } from './access-tokens.js';
import { hashToken, opaqueToken } from './opaque-token.js';
import { SessionsRepository } from './sessions.repository.js';
import type { TokenPair } from './token-pair.js';

/** A refresh token lives this long unless used (then it is replaced) or revoked. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * A session is a family of refresh tokens, one current at a time: each use replaces the token, and a
 * replaced token used again means it was copied, so the whole family is revoked.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly refreshTokens: SessionsRepository,
    private readonly accessTokens: AccessTokens,
  ) {}

  /** Issues an access token and the family's next refresh token, in the caller's transaction. */
  async issue(manager: EntityManager, account: AccountRow, familyId: string, now: Date): Promise<TokenPair> {
    const refreshToken = opaqueToken();
    await this.refreshTokens.insert(account.id, familyId, hashToken(refreshToken), new Date(now.getTime() + REFRESH_TOKEN_TTL_MS), now, manager);
    const accessToken = await this.accessTokens.sign(
      { id: account.id, personId: account.person_id, roles: account.roles, associationCode: account.association_code },
      familyId,
    );
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}
