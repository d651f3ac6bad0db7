import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { ACCOUNT_COLUMNS, type AccountRow } from '../../accounts/account-row.js';
import { AuthProblems } from '../../auth.problems.js';
import { hashToken } from '../../tokens/opaque-token.js';
import { Sessions } from '../../tokens/sessions.js';
import type { TokenPair } from '../../tokens/token-pair.js';

export interface RefreshSessionCommand {
  refreshToken: string;
}

type RefreshRow = AccountRow & { token_id: string; family_id: string; expires_at: Date; rotated_at: Date | null; revoked_at: Date | null };

/**
 * Trades a refresh token for a new pair. The token is replaced (rotated) on every use; a replaced or
 * revoked token presented again was copied, so its whole session is revoked and both holders must
 * sign in again. The token row is locked, so two concurrent uses cannot both succeed.
 */
@Injectable()
export class RefreshSession {
  private readonly logger = new Logger('RefreshSession');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
    private readonly clock: Clock,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<TokenPair> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<RefreshRow[]>(
        `SELECT r.id AS token_id, r.family_id, r.expires_at, r.rotated_at, r.revoked_at, ${ACCOUNT_COLUMNS}
           FROM refresh_tokens r JOIN accounts a ON a.id = r.account_id
          WHERE r.token_hash = $1 FOR UPDATE OF r`,
        [hashToken(command.refreshToken)],
      );
      if (!row || row.expires_at <= now) return 'invalid' as const;
      if (row.rotated_at || row.revoked_at) {
        // Committed, then refused: the revocation must outlive this request's error.
        await this.sessions.revokeFamily(manager, row.family_id, now);
        this.logger.warn(`refresh token reused: session ${row.family_id} of account ${row.id} revoked`);
        return 'invalid' as const;
      }
      await manager.query(`UPDATE refresh_tokens SET rotated_at = $2 WHERE id = $1`, [row.token_id, now]);
      return this.sessions.issue(manager, row, row.family_id, now);
    });
    if (outcome === 'invalid') throw AuthProblems.invalidRefreshToken();
    return outcome;
  }
}
