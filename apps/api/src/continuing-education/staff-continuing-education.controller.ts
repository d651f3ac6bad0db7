import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ListCeEntriesForReview, ReviewCeEntry } from '#endorsement';
import {
  ceEntryParamsSchema,
  ceReviewQuerySchema,
  rejectCeEntrySchema,
  type CeEntryParams,
  type CeReviewQuery,
  type RejectCeEntryBody,
} from './dto/ce-entry.schema.js';
import { noBodySchema } from '../applications/dto/application.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { ceEntryResponse, ceReviewListResponse } from './dto/continuing-education.responses.js';

/** Staff review of continuing-education entries in their association: approved hours count towards renewal. */
@ApiTags('continuing-education')
@Controller('staff/continuing-education')
@Roles('coordinator', 'administrator')
export class StaffContinuingEducationController {
  constructor(
    private readonly listForReview: ListCeEntriesForReview,
    private readonly review: ReviewCeEntry,
  ) {}

  @Get()
  @ApiContract({
    id: 'listCeEntriesForReview',
    summary: 'List continuing education to review',
    description: "Entries of the caller's association by status (pending first), with who logged them; keyset pages.",
    returns: ceReviewListResponse,
  })
  list(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: ceReviewQuerySchema }) query: CeReviewQuery,
  ): Promise<z.output<typeof ceReviewListResponse>> {
    return this.listForReview.execute({ associationCode: caller.associationCode, ...query });
  }

  @Post(':entryId/approve')
  @ApiContract({
    id: 'approveCeEntry',
    summary: 'Approve a continuing-education entry',
    description: 'Its hours count towards renewal from now on.',
    returns: ceEntryResponse,
    problems: { 404: ['ce_entry_not_found'], 409: ['ce_entry_already_reviewed'] },
  })
  @HttpCode(200)
  approve(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: ceEntryParamsSchema }) params: CeEntryParams,
    @Body({ schema: noBodySchema }) _body: undefined,
  ): Promise<z.output<typeof ceEntryResponse>> {
    return this.review.execute({ reviewerId: caller.id, associationCode: caller.associationCode, entryId: params.entryId, decision: 'approved' });
  }

  @Post(':entryId/reject')
  @ApiContract({
    id: 'rejectCeEntry',
    summary: 'Reject a continuing-education entry',
    description: 'With a reason the endorsee is told.',
    returns: ceEntryResponse,
    problems: { 404: ['ce_entry_not_found'], 409: ['ce_entry_already_reviewed'] },
  })
  @HttpCode(200)
  reject(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: ceEntryParamsSchema }) params: CeEntryParams,
    @Body({ schema: rejectCeEntrySchema }) body: RejectCeEntryBody,
  ): Promise<z.output<typeof ceEntryResponse>> {
    return this.review.execute({
      reviewerId: caller.id,
      associationCode: caller.associationCode,
      entryId: params.entryId,
      decision: 'rejected',
      reason: body.reason,
    });
  }
}
