import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountRole } from '../../accounts/account-role.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { AuthProblems } from '../../auth.problems.js';

export interface AccountView {
  id: string;
  personId: string;
  email: string;
  fullName: string;
  roles: AccountRole[];
  associationCode: string | null;
}

/** The caller's own account, as stored now (roles may have changed since the token was issued). */
@Injectable()
export class GetAccount {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthenticatedAccount): Promise<AccountView> {
    const [row] = await this.dataSource.query<AccountView[]>(
      `SELECT a.id, a.person_id AS "personId", a.email, p.full_name AS "fullName", a.roles, a.association_code AS "associationCode"
         FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = $1`,
      [caller.id],
    );
    // A valid token for an account that is gone: treat the token as no longer valid.
    if (!row) throw AuthProblems.invalidToken();
    return row;
  }
}
