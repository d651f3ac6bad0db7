import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountRole } from '../../accounts/account-role.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { staffAssociationOf } from './staff-association.js';

export interface StaffAccountView {
  id: string;
  fullName: string;
  email: string;
  roles: AccountRole[];
  /** False until the invitee has set a password through the emailed link. */
  active: boolean;
}

/** The staff of one association (anyone holding a role other than applicant), by name. */
@Injectable()
export class ListStaffAccounts {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: { caller: AuthenticatedAccount; association?: string }): Promise<{ accounts: StaffAccountView[] }> {
    const association = staffAssociationOf(command.caller, command.association);
    const rows = (await this.dataSource.query<StaffAccountView[]>(
      `SELECT a.id, p.full_name AS "fullName", a.email, a.roles, a.password_hash IS NOT NULL AS active
         FROM accounts a JOIN people p ON p.id = a.person_id
        WHERE a.association_code = $1 AND a.roles && ARRAY['coordinator', 'reviewer', 'exam_reviewer', 'administrator']::text[]
        ORDER BY p.full_name, a.id`,
      [association],
    ));
    return { accounts: rows };
  }
}
