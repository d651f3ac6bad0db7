import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ListColleagues } from '#endorsement';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { colleaguesQuerySchema, type ColleaguesQuery } from './dto/colleagues.schema.js';
import { colleaguesResponse } from './dto/staff.responses.js';

/** Who in the association holds a role: the reviewers to seat on a panel, the coordinators to hand work to. */
@ApiTags('staff')
@Controller('staff/colleagues')
@Roles('coordinator', 'administrator')
export class StaffColleaguesController {
  constructor(private readonly listColleagues: ListColleagues) {}

  @Get()
  @ApiContract({
    id: 'listColleagues',
    summary: "List the association's staff holding a role",
    description: "The accounts of the caller's association with the role (an Alliance-wide administrator may name an association), by name.",
    returns: colleaguesResponse,
  })
  list(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: colleaguesQuerySchema }) query: ColleaguesQuery,
  ): Promise<z.output<typeof colleaguesResponse>> {
    return this.listColleagues.execute({ caller, role: query.role, association: query.association });
  }
}
