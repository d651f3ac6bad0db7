import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentAccount, ListStaffAccounts, Roles, SetStaffRoles, type AuthenticatedAccount } from '#auth';
import { ApiContract } from '../docs/api-contract.decorator.js';
import {
  staffAccountListResponse,
  staffAccountParamsSchema,
  staffAccountResponse,
  staffAccountsQuerySchema,
  staffRolesSchema,
  type StaffAccountParams,
  type StaffAccountsQuery,
  type StaffRolesBody,
} from './dto/staff-accounts.schema.js';

/** Administrators see their association's staff and set their roles; no other association's. */
@ApiTags('auth')
@Controller('staff/accounts')
@Roles('administrator')
export class StaffAccountsController {
  constructor(
    private readonly listStaff: ListStaffAccounts,
    private readonly setRoles: SetStaffRoles,
  ) {}

  @Get()
  @ApiContract({
    id: 'listStaffAccounts',
    summary: "List the association's staff",
    description:
      "The staff accounts of the caller's association (an Alliance-wide administrator names one with `association`), with their roles and whether they have accepted their invitation.",
    returns: staffAccountListResponse,
  })
  list(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: staffAccountsQuerySchema }) query: StaffAccountsQuery,
  ): Promise<z.output<typeof staffAccountListResponse>> {
    return this.listStaff.execute({ caller, association: query.association });
  }

  @Put(':accountId/roles')
  @ApiContract({
    id: 'setStaffRoles',
    summary: "Set a staff member's roles",
    description:
      "Replaces the working roles (coordinator, reviewer, exam reviewer) of a staff member of the caller's association; applicant and administrator roles are kept. The new roles apply from their next sign-in or session refresh.",
    returns: staffAccountResponse,
    problems: { 404: ['staff_account_not_found'] },
  })
  set(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: staffAccountParamsSchema }) params: StaffAccountParams,
    @Body({ schema: staffRolesSchema }) body: StaffRolesBody,
  ): Promise<z.output<typeof staffAccountResponse>> {
    return this.setRoles.execute({ caller, accountId: params.accountId, roles: body.roles });
  }
}
