import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailDeliveriesRepository } from '#mail';
import { Clock } from '#platform';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { AuthProblems } from '../../auth.problems.js';
import { AccountLinks } from '../../links/account-links.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';
import { SessionsRepository } from '../../tokens/sessions.repository.js';

/** Validated at the edge: the new password meets the same rules as at registration and reset. */
export interface ChangePasswordCommand {
  caller: AuthenticatedAccount;
  currentPassword: string;
  newPassword: string;
}

/**
 * A signed-in person changes their password, proving they know the current one. Every other session
 * of the account ends (whoever knew the old password is signed out; this one stays), and the owner is
 * emailed that it changed, so a change they did not make does not go unnoticed.
 */
@Injectable()
export class ChangePassword {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly refreshTokens: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly links: AccountLinks,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    const account = await this.accounts.findCredentials(caller.id);
    const passwordOk = await this.hasher.verify(account?.password_hash ?? null, currentPassword);
    if (!account || !passwordOk) throw AuthProblems.wrongPassword();
    const passwordHash = await this.hasher.hash(newPassword);
    const now = this.clock.now();
    const deliveries = await this.dataSource.transaction(async (manager) => {
      // Only over the hash just checked: a concurrent change wins once, the other is refused.
      if (!(await this.accounts.changePasswordIfCurrent(caller.id, account.password_hash, passwordHash, now, manager))) throw AuthProblems.wrongPassword();
      await this.refreshTokens.revokeOtherFamilies(caller.id, caller.sessionId, now, manager);
      return this.ledger.record(
        [
          {
            businessKey: `password-changed-${caller.id}-${now.getTime()}`,
            applicationId: null,
            template: 'password_changed',
            recipientKind: 'account',
            recipientEmail: account.email,
            recipientName: account.full_name,
            context: { associationCode: account.association_code },
          },
        ],
        now,
        manager,
      );
    });
    await this.links.send(deliveries);
  }
}
