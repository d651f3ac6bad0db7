import { z } from 'zod';
import { ACCOUNT_ROLES, INVITABLE_STAFF_ROLES } from '#auth';

/** GET /api/v1/staff/accounts[?association=CODE]: only an Alliance-wide administrator names an association. */
export const staffAccountsQuerySchema = z.strictObject({ association: z.string().min(1).max(32).optional() });

export type StaffAccountsQuery = z.infer<typeof staffAccountsQuerySchema>;

export const staffAccountParamsSchema = z.strictObject({ accountId: z.uuid() });

export type StaffAccountParams = z.infer<typeof staffAccountParamsSchema>;

export const staffRolesSchema = z.strictObject({ roles: z.array(z.enum(INVITABLE_STAFF_ROLES)).min(1).max(INVITABLE_STAFF_ROLES.length) });

export type StaffRolesBody = z.infer<typeof staffRolesSchema>;

export const staffAccountResponse = z
  .strictObject({
    id: z.string(),
    fullName: z.string(),
    email: z.string(),
    roles: z.array(z.enum(ACCOUNT_ROLES)),
    active: z.boolean().meta({ description: 'False until the invitee has set a password through the emailed link.' }),
  })
  .meta({ id: 'StaffAccount', description: 'A staff member of the association and their roles.' });

export const staffAccountListResponse = z
  .strictObject({ accounts: z.array(staffAccountResponse) })
  .meta({ id: 'StaffAccountList', description: "The association's staff, by name." });
