import { Injectable } from '@nestjs/common';
import { CeEntriesRepository } from './ce-entries.repository.js';
import type { CeEntryForReview, CeEntryView } from './ce-entry.view.js';

export interface ListCeEntriesForReviewQuery {
  /** The caller's association; null for an Alliance-wide administrator. */
  associationCode: string | null;
  status: CeEntryView['status'];
  limit: number;
  /** The last entry of the previous page (keyset pagination, oldest first). */
  after?: string;
}

/** Entries waiting for (or past) staff review in the caller's association, oldest first. */
@Injectable()
export class ListCeEntriesForReview {
  constructor(private readonly ceEntries: CeEntriesRepository) {}

  async execute(query: ListCeEntriesForReviewQuery): Promise<{ entries: CeEntryForReview[]; nextAfter: string | null }> {
    const entries = await this.ceEntries.listForReview(query.status, query.associationCode, query.after ?? null, query.limit);
    return { entries, nextAfter: entries.length === query.limit ? entries[entries.length - 1].id : null };
  }
}
