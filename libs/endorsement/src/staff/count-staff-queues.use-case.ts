import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { APPLICATION_STATES, type ApplicationState } from '#workflow';
import { staffAssociation } from './staff-scope.js';

export interface StaffQueueCounts {
  /** Null: every association. */
  association: string | null;
  /** Every state, zero included, in the state machine's order. */
  queues: { state: ApplicationState; count: number }[];
}

/** How many applications wait in each state, for the caller's association. */
@Injectable()
export class CountStaffQueues {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: { caller: AuthenticatedAccount; association?: string }): Promise<StaffQueueCounts> {
    const association = staffAssociation(command.caller, command.association);
    const rows = await this.dataSource.query<{ state: ApplicationState; count: number }[]>(
      `SELECT state, count(*)::int AS count FROM applications WHERE $1::text IS NULL OR association_code = $1 GROUP BY state`,
      [association],
    );
    const counts = new Map(rows.map((r) => [r.state, r.count]));
    return { association, queues: APPLICATION_STATES.map((state) => ({ state, count: counts.get(state) ?? 0 })) };
  }
}
