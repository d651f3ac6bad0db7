import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { AuthProblems } from '../../auth.problems.js';
import { hashToken } from '../../tokens/opaque-token.js';
import { Sessions } from '../../tokens/sessions.js';
import { SessionsRepository } from '../../tokens/sessions.repository.js';
import type { TokenPair } from '../../tokens/token-pair.js';

export interface RefreshSessionCommand {
  refreshToken: string;
}

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
    private readonly refreshTokens: SessionsRepository,
    private readonly sessions: Sessions,
    private readonly clock: Clock,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<TokenPair> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.refreshTokens.findByHashForUpdate(hashToken(command.refreshToken), manager);
      if (!row || row.expires_at <= now) return 'invalid' as const;
      if (row.rotated_at || row.revoked_at) {
        // Committed, then refused: the revocation must outlive this request's error.
        await this.refreshTokens.revokeFamily(row.family_id, now, manager);
        this.logger.warn(`refresh token reused: session ${row.family_id} of account ${row.id} revoked`);
        return 'invalid' as const;
      }
      await this.refreshTokens.markRotated(row.token_id, now, manager);
      return this.sessions.issue(manager, row, row.family_id, now);
    });
    if (outcome === 'invalid') throw AuthProblems.invalidRefreshToken();
    return outcome;
  }
}
