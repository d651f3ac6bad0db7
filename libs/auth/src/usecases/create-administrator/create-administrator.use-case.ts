import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { isUniqueViolation } from '../../accounts/is-unique-violation.js';
import { AccountLinks } from '../../links/account-links.js';

export interface CreateAdministratorCommand {
  email: string;
  fullName: string;
  /** The association administered; none for an Alliance-wide administrator, who sees them all. */
  associationCode?: string;
}

export type CreateAdministratorResult = { created: true; accountId: string } | { created: false };

/** The operator named an association this system does not have; the message lists those it has. */
export class UnknownAssociationError extends Error {
  override readonly name = 'UnknownAssociationError';
}

/**
 * The first administrator of an installation (or of an association), made by the operator from a
 * shell. Like an invited staff member, the account has no password: an emailed single-use link
 * (7 days) lets its owner set one, so no secret passes through the operator's terminal. An address
 * already known changes nothing.
 */
@Injectable()
export class CreateAdministrator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly links: AccountLinks,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: CreateAdministratorCommand): Promise<CreateAdministratorResult> {
    const { email, fullName, associationCode = null } = command;
    if (associationCode !== null && !this.framework.associations.has(associationCode)) {
      throw new UnknownAssociationError(`"${associationCode}" is not an association of this system (${[...this.framework.associations.keys()].join(', ')})`);
    }
    // A person row needs an association; an Alliance administrator's account has none, and its emails come from the Alliance.
    const home = associationCode ?? [...this.framework.associations.keys()].sort()[0];
    const now = this.clock.now();
    let created: { accountId: string; deliveries: string[] };
    try {
      created = await this.dataSource.transaction(async (manager) => {
        const personId = await this.accounts.insertPerson(home, email, fullName, now, manager);
        const accountId = await this.accounts.insertStaff(personId, email, ['administrator'], associationCode, now, manager);
        return { accountId, deliveries: await this.links.issue(manager, { id: accountId, email, fullName }, 'staff_invitation', now) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { created: false };
      throw error;
    }
    await this.links.send(created.deliveries);
    return { created: true, accountId: created.accountId };
  }
}
