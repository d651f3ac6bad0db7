import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';

/**
 * Ends the caller's session: its refresh tokens stop working at once. The access token in hand
 * stays valid until it expires (at most 15 minutes); clients drop it.
 */
@Injectable()
export class LogOut {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(caller: AuthenticatedAccount): Promise<void> {
    // Scoped to the caller's own account too: a session id alone never ends someone else's session.
    await this.dataSource.query(`UPDATE refresh_tokens SET revoked_at = $3 WHERE family_id = $1 AND account_id = $2 AND revoked_at IS NULL`, [
      caller.sessionId,
      caller.id,
      this.clock.now(),
    ]);
  }
}
