import { Injectable } from '@nestjs/common';
import { Clock } from '#platform';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { SessionsRepository } from '../../tokens/sessions.repository.js';

/**
 * Ends the caller's session: its refresh tokens stop working at once. The access token in hand
 * stays valid until it expires (at most 15 minutes); clients drop it.
 */
@Injectable()
export class LogOut {
  constructor(
    private readonly refreshTokens: SessionsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: AuthenticatedAccount): Promise<void> {
    // Scoped to the caller's own account too: a session id alone never ends someone else's session.
    await this.refreshTokens.revokeAccountFamily(caller.sessionId, caller.id, this.clock.now());
  }
}
