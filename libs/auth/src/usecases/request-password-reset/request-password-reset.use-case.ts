import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { AccountLinks } from '../../links/account-links.js';

export interface RequestPasswordResetCommand {
  email: string;
}

/**
 * Emails a one-hour, single-use reset link to the account with this address, if there is one. The
 * caller learns nothing either way (the route always answers 202).
 */
@Injectable()
export class RequestPasswordReset {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly links: AccountLinks,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestPasswordResetCommand): Promise<void> {
    const now = this.clock.now();
    const deliveries = await this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.lockByEmail(command.email, manager);
      return account ? this.links.issue(manager, account, 'password_reset', now) : [];
    });
    await this.links.send(deliveries);
  }
}
