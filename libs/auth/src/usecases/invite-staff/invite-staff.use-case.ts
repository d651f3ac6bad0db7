import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK, ProblemException } from '#platform';
import type { InvitableStaffRole } from '../../accounts/account-role.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { isUniqueViolation } from '../../accounts/is-unique-violation.js';
import { AuthProblems } from '../../auth.problems.js';
import { AccountLinks } from '../../links/account-links.js';

export interface InviteStaffCommand {
  caller: AuthenticatedAccount;
  email: string;
  fullName: string;
  roles: InvitableStaffRole[];
  /** Required of an Alliance-wide administrator; others invite into their own association only. */
  associationCode?: string;
}

/**
 * An administrator invites a coordinator, reviewer or exam reviewer: the account exists at once,
 * without a password, and an emailed single-use link (7 days) lets the invitee set one.
 */
@Injectable()
export class InviteStaff {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly links: AccountLinks,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: InviteStaffCommand): Promise<{ accountId: string }> {
    const associationCode = this.associationFor(command);
    const now = this.clock.now();
    let result: { accountId: string; deliveries: string[] };
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const personId = await this.accounts.insertPerson(associationCode, command.email, command.fullName, now, manager);
        const accountId = await this.accounts.insertStaff(personId, command.email, [...new Set(command.roles)], associationCode, now, manager);
        const deliveries = await this.links.issue(manager, { id: accountId, email: command.email, fullName: command.fullName }, 'staff_invitation', now);
        return { accountId, deliveries };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AuthProblems.emailTaken();
      throw error;
    }
    await this.links.send(result.deliveries);
    return { accountId: result.accountId };
  }

  /** Staff belong to one association: the administrator's own, or the one an Alliance administrator names. */
  private associationFor(command: InviteStaffCommand): string {
    const own = command.caller.associationCode;
    if (own !== null) {
      if (command.associationCode !== undefined && command.associationCode !== own) {
        throw new ProblemException(403, 'forbidden', 'Forbidden', `Administrators of ${own} invite staff of ${own} only.`);
      }
      return own;
    }
    if (command.associationCode === undefined) throw AuthProblems.invalidField('associationCode', 'is required: name the association the staff member joins');
    if (!this.framework.associations.has(command.associationCode)) throw AuthProblems.invalidField('associationCode', 'is not an association of this system');
    return command.associationCode;
  }
}
