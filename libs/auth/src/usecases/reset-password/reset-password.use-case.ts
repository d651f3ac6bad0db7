import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { AuthProblems } from '../../auth.problems.js';
import { AccountLinks } from '../../links/account-links.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';
import { SessionsRepository } from '../../tokens/sessions.repository.js';

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
    private readonly accounts: AccountsRepository,
    private readonly refreshTokens: SessionsRepository,
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
      await this.accounts.resetPassword(accountId, passwordHash, now, manager);
      await this.refreshTokens.revokeAccount(accountId, now, manager);
    });
  }
}
