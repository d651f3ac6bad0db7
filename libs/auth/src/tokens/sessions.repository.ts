import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCOUNT_COLUMNS, type AccountRow } from '../accounts/account-row.js';

/** A refresh token with the account it signs in, as a refresh reads it. */
export type RefreshRow = AccountRow & { token_id: string; family_id: string; expires_at: Date; rotated_at: Date | null; revoked_at: Date | null };

/** Refresh tokens, each of a family (a session): the one place their rows are read and written. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Only the token's hash is stored. */
  async insert(
    accountId: string,
    familyId: string,
    tokenHash: string,
    expiresAt: Date,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(`INSERT INTO refresh_tokens (account_id, family_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      accountId,
      familyId,
      tokenHash,
      expiresAt,
      now,
    ]);
  }

  /** The token with this hash and its account, the token row locked: two concurrent uses cannot both succeed. */
  async findByHashForUpdate(tokenHash: string, manager: EntityManager = this.dataSource.manager): Promise<RefreshRow | undefined> {
    const [row] = await manager.query<RefreshRow[]>(
      `SELECT r.id AS token_id, r.family_id, r.expires_at, r.rotated_at, r.revoked_at, ${ACCOUNT_COLUMNS}
         FROM refresh_tokens r JOIN accounts a ON a.id = r.account_id
        WHERE r.token_hash = $1 FOR UPDATE OF r`,
      [tokenHash],
    );
    return row;
  }

  /** The token was used and replaced: presented again, it was copied. */
  async markRotated(tokenId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET rotated_at = $2 WHERE id = $1`, [tokenId, now]);
  }

  /** Ends a session: none of its refresh tokens works any more. */
  async revokeFamily(familyId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [familyId, now]);
  }

  /** Ends a session only if it is this account's: a session id alone never ends someone else's session. */
  async revokeAccountFamily(familyId: string, accountId: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE refresh_tokens SET revoked_at = $3 WHERE family_id = $1 AND account_id = $2 AND revoked_at IS NULL`, [
      familyId,
      accountId,
      now,
    ]);
  }

  /** Ends every session of the account but `keptFamilyId`. */
  async revokeOtherFamilies(accountId: string, keptFamilyId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = $3 WHERE account_id = $1 AND family_id <> $2 AND revoked_at IS NULL`, [
      accountId,
      keptFamilyId,
      now,
    ]);
  }

  /** Ends every session of the account. */
  async revokeAccount(accountId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [accountId, now]);
  }
}
