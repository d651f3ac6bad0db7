import { Injectable } from '@nestjs/common';
import { AccountsRepository, type AccountView } from '../../accounts/accounts.repository.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { AuthProblems } from '../../auth.problems.js';

/** The caller's own account, as stored now (roles may have changed since the token was issued). */
@Injectable()
export class GetAccount {
  constructor(private readonly accounts: AccountsRepository) {}

  async execute(caller: AuthenticatedAccount): Promise<AccountView> {
    const row = await this.accounts.findView(caller.id);
    // A valid token for an account that is gone: treat the token as no longer valid.
    if (!row) throw AuthProblems.invalidToken();
    return row;
  }
}
