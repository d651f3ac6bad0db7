import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { APPLICATION_STATES, type ApplicationState } from '#workflow';
import { staffAssociation } from './staff-scope.js';
import { StaffQueueRepository } from './staff-queue.repository.js';

export interface StaffQueueCounts {
  /** Null: every association. */
  association: string | null;
  /** Every state, zero included, in the state machine's order. */
  queues: { state: ApplicationState; count: number }[];
}

/** How many applications wait in each state, for the caller's association. */
@Injectable()
export class CountStaffQueues {
  constructor(private readonly staffQueue: StaffQueueRepository) {}

  async execute(command: { caller: AuthenticatedAccount; association?: string }): Promise<StaffQueueCounts> {
    const association = staffAssociation(command.caller, command.association);
    const rows = await this.staffQueue.countByState(association);
    const counts = new Map(rows.map((r) => [r.state, r.count]));
    return { association, queues: APPLICATION_STATES.map((state) => ({ state, count: counts.get(state) ?? 0 })) };
  }
}
