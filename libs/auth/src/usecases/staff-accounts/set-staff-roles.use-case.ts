import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ProblemException } from '#platform';
import type { InvitableStaffRole } from '../../accounts/account-role.js';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import type { StaffAccountView } from './list-staff-accounts.use-case.js';

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
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: SetStaffRolesCommand): Promise<StaffAccountView> {
    const own = command.caller.associationCode;
    // Another association's staff are "not found": their existence is none of the caller's business.
    const [rows] = await this.dataSource.query<[StaffAccountView[], number]>(
      `UPDATE accounts a
          SET roles = ARRAY(SELECT DISTINCT r FROM unnest(array_cat($2::text[], ARRAY(SELECT unnest(a.roles) INTERSECT SELECT unnest(ARRAY['applicant', 'administrator'])))) r ORDER BY r),
              updated_at = $4
         FROM people p
        WHERE a.id = $1 AND p.id = a.person_id AND a.association_code IS NOT NULL AND ($3::text IS NULL OR a.association_code = $3)
          AND a.roles && ARRAY['coordinator', 'reviewer', 'exam_reviewer', 'administrator']::text[]
        RETURNING a.id, p.full_name AS "fullName", a.email, a.roles, a.password_hash IS NOT NULL AS active`,
      [command.accountId, [...new Set(command.roles)], own, this.clock.now()],
    );
    const updated = rows[0];
    if (updated === undefined) throw notFound();
    return updated;
  }
}
