import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import type { ApplicationState } from '#workflow';
import { encodeKeysetCursor } from './keyset-cursor.js';
import { staffAssociation } from './staff-scope.js';
import { StaffQueueRepository, type StaffQueueFilter, type StaffQueueRow } from './staff-queue.repository.js';

export interface ListStaffQueueCommand {
  caller: AuthenticatedAccount;
  association?: string;
  state?: ApplicationState;
  category?: string;
  /** 'me', 'none' (unassigned) or an account id. */
  assignee?: string;
  waitingDaysMin?: number;
  failedEmail?: boolean;
  after?: StaffQueueFilter['after'];
  limit: number;
}

export interface StaffQueueItem {
  id: string;
  applicantName: string;
  associationCode: string;
  categoryCode: string;
  categoryName: string;
  state: ApplicationState;
  version: number;
  waitingSince: string;
  assignee: { id: string; name: string } | null;
  failedEmail: boolean;
}

export interface StaffQueuePage {
  items: StaffQueueItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

/** A page of the staff queue of the caller's association, longest waiting first. */
@Injectable()
export class ListStaffQueue {
  constructor(
    private readonly staffQueue: StaffQueueRepository,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: ListStaffQueueCommand): Promise<StaffQueuePage> {
    const { caller, assignee, waitingDaysMin, limit } = command;
    const rows = await this.staffQueue.listQueue({
      association: staffAssociation(caller, command.association),
      state: command.state,
      category: command.category,
      assignee: assignee === 'me' ? caller.id : assignee === 'none' ? null : assignee,
      waitingSince: waitingDaysMin === undefined ? undefined : new Date(this.clock.now().getTime() - waitingDaysMin * DAY_MS),
      failedEmail: command.failedEmail,
      after: command.after,
      limit: limit + 1, // one more tells whether another page follows
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => this.item(row)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor([last.waiting_key, last.id]) : null,
    };
  }

  private item(row: StaffQueueRow): StaffQueueItem {
    return {
      id: row.id,
      applicantName: row.applicant_name,
      associationCode: row.association_code,
      categoryCode: row.category_code,
      categoryName: this.framework.displayName(row.association_code, row.category_code, row.track_code ?? undefined),
      state: row.state,
      version: row.version,
      waitingSince: row.state_changed_at.toISOString(),
      assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
      failedEmail: row.failed_email,
    };
  }
}
