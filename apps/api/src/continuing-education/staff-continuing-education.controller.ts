import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ListCeEntriesForReview, ReviewCeEntry, type CeEntryForReview, type CeEntryView } from '#endorsement';
import {
  ceEntryParamsSchema,
  ceReviewQuerySchema,
  rejectCeEntrySchema,
  type CeEntryParams,
  type CeReviewQuery,
  type RejectCeEntryBody,
} from './dto/ce-entry.schema.js';
import { noBodySchema } from '../applications/dto/application.schema.js';

/** Staff review of continuing-education entries in their association: approved hours count towards renewal. */
@Controller('staff/continuing-education')
@Roles('coordinator', 'administrator')
export class StaffContinuingEducationController {
  constructor(
    private readonly listForReview: ListCeEntriesForReview,
    private readonly review: ReviewCeEntry,
  ) {}

  @Get()
  list(@CurrentAccount() caller: AuthenticatedAccount, @Query({ schema: ceReviewQuerySchema }) query: CeReviewQuery): Promise<{ entries: CeEntryForReview[]; nextAfter: string | null }> {
    return this.listForReview.execute({ associationCode: caller.associationCode, ...query });
  }

  @Post(':entryId/approve')
  @HttpCode(200)
  approve(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: ceEntryParamsSchema }) params: CeEntryParams,
    @Body({ schema: noBodySchema }) _body: undefined,
  ): Promise<CeEntryView> {
    return this.review.execute({ reviewerId: caller.id, associationCode: caller.associationCode, entryId: params.entryId, decision: 'approved' });
  }

  @Post(':entryId/reject')
  @HttpCode(200)
  reject(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: ceEntryParamsSchema }) params: CeEntryParams,
    @Body({ schema: rejectCeEntrySchema }) body: RejectCeEntryBody,
  ): Promise<CeEntryView> {
    return this.review.execute({ reviewerId: caller.id, associationCode: caller.associationCode, entryId: params.entryId, decision: 'rejected', reason: body.reason });
  }
}
