import { Controller, Get, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { GetOutlook, type AssociationOutlook } from '#endorsement';
import { outlookQuerySchema, type OutlookQuery } from './dto/outlook-query.schema.js';

/** Staff ask what will go out in the next days: renewals opening and lapsing, reminders, by day. */
@Controller('staff/outlook')
export class OutlookController {
  constructor(private readonly getOutlook: GetOutlook) {}

  @Get()
  @Roles('coordinator', 'administrator')
  outlook(@CurrentAccount() caller: AuthenticatedAccount, @Query({ schema: outlookQuerySchema }) query: OutlookQuery): Promise<AssociationOutlook[]> {
    return this.getOutlook.execute({ caller, association: query.association, days: query.days });
  }
}
