import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { AuthProblems } from '../../auth.problems.js';
import { AccountLinks } from '../../links/account-links.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';

export interface AcceptInvitationCommand {
  token: string;
  password: string;
  fullName: string;
}

/** The invitee confirms their name and sets a password through the emailed link (once, within 7 days). */
@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly links: AccountLinks,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(command: AcceptInvitationCommand): Promise<{ accountId: string; email: string }> {
    const passwordHash = await this.hasher.hash(command.password);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const accountId = await this.links.redeem(manager, command.token, 'staff_invitation', now);
      if (!accountId) throw AuthProblems.invalidLink();
      const account = await this.accounts.setInvitedPassword(accountId, passwordHash, now, manager);
      await this.accounts.renamePerson(account.person_id, command.fullName, manager);
      return { accountId, email: account.email };
    });
  }
}
