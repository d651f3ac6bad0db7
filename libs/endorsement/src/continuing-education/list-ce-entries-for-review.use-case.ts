import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CE_ENTRY_COLUMNS, type CeEntryView } from './ce-entry.view.js';
import { inStaffScope } from './ce-review-scope.js';

export interface ListCeEntriesForReviewQuery {
  /** The caller's association; null for an Alliance-wide administrator. */
  associationCode: string | null;
  status: CeEntryView['status'];
  limit: number;
  /** The last entry of the previous page (keyset pagination, oldest first). */
  after?: string;
}

export type CeEntryForReview = CeEntryView & { personId: string; fullName: string };

/** Entries waiting for (or past) staff review in the caller's association, oldest first. */
@Injectable()
export class ListCeEntriesForReview {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListCeEntriesForReviewQuery): Promise<{ entries: CeEntryForReview[]; nextAfter: string | null }> {
    const entries = await this.dataSource.query<CeEntryForReview[]>(
      `SELECT ${CE_ENTRY_COLUMNS}, c.person_id AS "personId", p.full_name AS "fullName"
         FROM ce_entries c JOIN people p ON p.id = c.person_id
        WHERE c.status = $1 AND ${inStaffScope('$2')}
          AND ($3::uuid IS NULL OR (c.created_at, c.id) > (SELECT created_at, id FROM ce_entries WHERE id = $3))
        ORDER BY c.created_at, c.id LIMIT $4`,
      [query.status, query.associationCode, query.after ?? null, query.limit],
    );
    return { entries, nextAfter: entries.length === query.limit ? entries[entries.length - 1].id : null };
  }
}
