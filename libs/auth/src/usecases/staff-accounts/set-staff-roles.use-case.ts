import { Injectable } from '@nestjs/common';
import { Clock, ProblemException } from '#platform';
import type { InvitableStaffRole } from '../../accounts/account-role.js';
import { AccountsRepository, type StaffAccountView } from '../../accounts/accounts.repository.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';

export interface SetStaffRolesCommand {
  caller: AuthenticatedAccount;
  accountId: string;
  roles: InvitableStaffRole[];
}

const notFound = () => new ProblemException(404, 'staff_account_not_found', 'Staff account not found', 'No staff account of your association has this id.');

/**
 * An administrator sets a staff member's working roles (coordinator, reviewer, exam reviewer). The
 * roles an administrator cannot hand out are kept as they are: applicant (the person's own
 * applications) and administrator. The new roles apply from the member's next sign-in or refresh.
 */
@Injectable()
export class SetStaffRoles {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SetStaffRolesCommand): Promise<StaffAccountView> {
    // Another association's staff are "not found": their existence is none of the caller's business.
    const updated = await this.accounts.setStaffRoles(command.accountId, [...new Set(command.roles)], command.caller.associationCode, this.clock.now());
    if (updated === undefined) throw notFound();
    return updated;
  }
}
