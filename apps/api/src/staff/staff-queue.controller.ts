import { Controller, Get, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { CountStaffQueues, ListStaffQueue } from '#endorsement';
import { staffQueueCountsSchema, staffQueueSchema, type StaffQueueCountsQuery, type StaffQueueQuery } from './dto/staff-queue.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { staffQueueCountsResponse, staffQueuePageResponse } from './dto/staff.responses.js';

/**
 * The review queues of the caller's association: how many wait in each state, and the applications
 * themselves, longest waiting first. Reviewers and exam reviewers see only what they are assigned,
 * through the panel and exam routes, never the queue.
 */
@ApiTags('staff')
@Controller('staff')
@Roles('coordinator', 'administrator')
export class StaffQueueController {
  constructor(
    private readonly countQueues: CountStaffQueues,
    private readonly listQueue: ListStaffQueue,
  ) {}

  @Get('queues')
  @ApiContract({
    id: 'countStaffQueues',
    summary: 'Count the applications in each queue',
    description: "How many applications of the caller's association wait in each state (an Alliance-wide administrator may name an association).",
    returns: staffQueueCountsResponse,
  })
  counts(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: staffQueueCountsSchema }) query: StaffQueueCountsQuery,
  ): Promise<z.output<typeof staffQueueCountsResponse>> {
    return this.countQueues.execute({ caller, association: query.association });
  }

  @Get('applications')
  @ApiContract({
    id: 'listStaffQueue',
    summary: 'List a queue',
    description:
      "Applications of the caller's association, longest waiting first, filtered by state, category, assignee or a failed email; keyset pages (`cursor`).",
    returns: staffQueuePageResponse,
  })
  list(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: staffQueueSchema }) query: StaffQueueQuery,
  ): Promise<z.output<typeof staffQueuePageResponse>> {
    const { cursor, ...filters } = query;
    return this.listQueue.execute({ caller, ...filters, after: cursor });
  }
}
