import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountLinkPurpose } from './account-links.js';

export interface NewAccountToken {
  id: string;
  accountId: string;
  purpose: AccountLinkPurpose;
  tokenHash: string;
  expiresAt: Date;
}

/** The single-use tokens of emailed account links: the one place their rows are read and written. */
@Injectable()
export class AccountTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Retires the account's unused tokens for `purpose`: only the newest link works. */
  async retireUnused(accountId: string, purpose: AccountLinkPurpose, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE account_tokens SET used_at = $3 WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL`, [accountId, purpose, now]);
  }

  /** Only the token's hash is stored. */
  async insert(token: NewAccountToken, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO account_tokens (id, account_id, purpose, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      token.id,
      token.accountId,
      token.purpose,
      token.tokenHash,
      token.expiresAt,
      now,
    ]);
  }

  /**
   * Marks the token with this hash used and returns its account, or null when it is unknown, used,
   * expired or for another purpose. The update is the check, so a link works exactly once.
   */
  async redeem(tokenHash: string, purpose: AccountLinkPurpose, now: Date, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [rows] = await manager.query<[{ account_id: string }[], number]>(
      `UPDATE account_tokens SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING account_id`,
      [tokenHash, purpose, now],
    );
    return rows[0]?.account_id ?? null;
  }
}
