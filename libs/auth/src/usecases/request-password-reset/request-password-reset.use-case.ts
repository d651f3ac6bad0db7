import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
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
    private readonly links: AccountLinks,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestPasswordResetCommand): Promise<void> {
    const now = this.clock.now();
    const deliveries = await this.dataSource.transaction(async (manager) => {
      const [account] = await manager.query<{ id: string; email: string; fullName: string }[]>(
        `SELECT a.id, a.email, p.full_name AS "fullName" FROM accounts a JOIN people p ON p.id = a.person_id WHERE lower(a.email) = lower($1) FOR UPDATE OF a`,
        [command.email],
      );
      return account ? this.links.issue(manager, account, 'password_reset', now) : [];
    });
    await this.links.send(deliveries);
  }
}
