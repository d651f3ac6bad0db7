import { Controller, Get, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { GetOutlook } from '#endorsement';
import { outlookQuerySchema, type OutlookQuery } from './dto/outlook-query.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { outlookResponse } from './dto/outlook.responses.js';

/** Staff ask what will go out in the next days: renewals opening and lapsing, reminders, by day. */
@ApiTags('outlook')
@Controller('staff/outlook')
export class OutlookController {
  constructor(private readonly getOutlook: GetOutlook) {}

  @Get()
  @ApiContract({
    id: 'getOutlook',
    summary: 'Get what goes out in the next days',
    description: "Renewals opening, reminders, late notices and lapses, counted by day for the next `days` days on each association's own calendar.",
    returns: outlookResponse,
    problems: { 404: ['association_not_found'] },
  })
  @Roles('coordinator', 'administrator')
  outlook(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: outlookQuerySchema }) query: OutlookQuery,
  ): Promise<z.output<typeof outlookResponse>> {
    return this.getOutlook.execute({ caller, association: query.association, days: query.days });
  }
}
