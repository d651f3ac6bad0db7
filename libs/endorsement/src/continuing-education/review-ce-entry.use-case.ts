import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ProblemException } from '#platform';
import { CE_ENTRY_COLUMNS, type CeEntryView } from './ce-entry.view.js';
import { inStaffScope } from './ce-review-scope.js';

export interface ReviewCeEntryCommand {
  reviewerId: string;
  /** The caller's association; null for an Alliance-wide administrator. */
  associationCode: string | null;
  entryId: string;
  decision: 'approved' | 'rejected';
  /** Required to reject: the endorsee reads it beside the entry. */
  reason?: string;
}

/** Staff approve a pending entry (it then counts towards renewal) or reject it with a reason. */
@Injectable()
export class ReviewCeEntry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReviewCeEntryCommand): Promise<CeEntryView> {
    const [rows] = await this.dataSource.query<[CeEntryView[], number]>(
      `UPDATE ce_entries c SET status = $3, reviewed_by = $4, reviewed_at = $5, review_note = $6
        WHERE c.id = $1 AND c.status = 'pending' AND ${inStaffScope('$2')}
        RETURNING ${CE_ENTRY_COLUMNS}`,
      [command.entryId, command.associationCode, command.decision, command.reviewerId, this.clock.now(), command.reason ?? null],
    );
    if (rows[0]) return rows[0];
    const [visible] = await this.dataSource.query<{
      status: string;
    }[]>(`SELECT c.status FROM ce_entries c WHERE c.id = $1 AND ${inStaffScope('$2')}`, [command.entryId, command.associationCode]);
    if (!visible) throw new ProblemException(404, 'ce_entry_not_found', 'Entry not found', 'No continuing-education entry in your association has this id.');
    throw new ProblemException(409, 'ce_entry_already_reviewed', 'This entry was already reviewed', `The entry is already ${visible.status}.`, { currentStatus: visible.status });
  }
}
