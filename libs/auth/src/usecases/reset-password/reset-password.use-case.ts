import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { AuthProblems } from '../../auth.problems.js';
import { AccountLinks } from '../../links/account-links.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';

export interface ResetPasswordCommand {
  token: string;
  password: string;
}

/**
 * Sets a new password through an emailed reset link (once, within the hour). Unlocks the account
 * and ends every session: whoever knew the old password is signed out.
 */
@Injectable()
export class ResetPassword {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: AccountLinks,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(command: ResetPasswordCommand): Promise<void> {
    const passwordHash = await this.hasher.hash(command.password);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const accountId = await this.links.redeem(manager, command.token, 'password_reset', now);
      if (!accountId) throw AuthProblems.invalidLink();
      await manager.query(`UPDATE accounts SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1`, [accountId, passwordHash, now]);
      await manager.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [accountId, now]);
    });
  }
}
