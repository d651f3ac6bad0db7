import { Injectable } from '@nestjs/common';
import { Clock, ProblemException } from '#platform';
import { CeEntriesRepository } from './ce-entries.repository.js';
import type { CeEntryView } from './ce-entry.view.js';

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
    private readonly ceEntries: CeEntriesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReviewCeEntryCommand): Promise<CeEntryView> {
    const reviewed = await this.ceEntries.review(command.entryId, command.associationCode, {
      status: command.decision,
      reviewerId: command.reviewerId,
      reviewedAt: this.clock.now(),
      note: command.reason ?? null,
    });
    if (reviewed) return reviewed;
    const status = await this.ceEntries.findStatusInScope(command.entryId, command.associationCode);
    if (!status) throw new ProblemException(404, 'ce_entry_not_found', 'Entry not found', 'No continuing-education entry in your association has this id.');
    throw new ProblemException(409, 'ce_entry_already_reviewed', 'This entry was already reviewed', `The entry is already ${status}.`, {
      currentStatus: status,
    });
  }
}
