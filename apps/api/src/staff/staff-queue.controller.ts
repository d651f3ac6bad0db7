import { Controller, Get, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { CountStaffQueues, ListStaffQueue, type StaffQueueCounts, type StaffQueuePage } from '#endorsement';
import { staffQueueCountsSchema, staffQueueSchema, type StaffQueueCountsQuery, type StaffQueueQuery } from './dto/staff-queue.schema.js';

/**
 * The review queues of the caller's association: how many wait in each state, and the applications
 * themselves, longest waiting first. Reviewers and exam reviewers see only what they are assigned,
 * through the panel and exam routes, never the queue.
 */
@Controller('staff')
@Roles('coordinator', 'administrator')
export class StaffQueueController {
  constructor(
    private readonly countQueues: CountStaffQueues,
    private readonly listQueue: ListStaffQueue,
  ) {}

  @Get('queues')
  counts(@CurrentAccount() caller: AuthenticatedAccount, @Query({ schema: staffQueueCountsSchema }) query: StaffQueueCountsQuery): Promise<StaffQueueCounts> {
    return this.countQueues.execute({ caller, association: query.association });
  }

  @Get('applications')
  list(@CurrentAccount() caller: AuthenticatedAccount, @Query({ schema: staffQueueSchema }) query: StaffQueueQuery): Promise<StaffQueuePage> {
    const { cursor, ...filters } = query;
    return this.listQueue.execute({ caller, ...filters, after: cursor });
  }
}
