import { Injectable } from '@nestjs/common';
import { AccountsRepository, type StaffAccountView } from '../../accounts/accounts.repository.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { staffAssociationOf } from './staff-association.js';

/** The staff of one association (anyone holding a role other than applicant), by name. */
@Injectable()
export class ListStaffAccounts {
  constructor(private readonly accounts: AccountsRepository) {}

  async execute(command: { caller: AuthenticatedAccount; association?: string }): Promise<{ accounts: StaffAccountView[] }> {
    const association = staffAssociationOf(command.caller, command.association);
    return { accounts: await this.accounts.listStaff(association) };
  }
}
