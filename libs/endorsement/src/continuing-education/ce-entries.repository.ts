import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CeEntryForReview, CeEntryView, NewCeEntry } from './ce-entry.view.js';

/** The columns of a CeEntryView, from `ce_entries c`. */
const CE_ENTRY_COLUMNS = `c.id, c.kind, c.title, c.provider, to_char(c.completed_on, 'YYYY-MM-DD') AS "completedOn", c.hours::float8 AS hours,
  c.dei, c.about_rsc AS "aboutRsc", c.competency_areas AS "competencyAreas", c.status, c.reviewed_at AS "reviewedAt",
  c.review_note AS "reviewNote", c.created_at AS "createdAt"`;

/**
 * Staff see the entries of people endorsed (or applying) in their association; an Alliance-wide
 * administrator ($n is null) sees all. `c` is ce_entries.
 */
const inStaffScope = (param: string) =>
  `(${param}::text IS NULL OR EXISTS (SELECT 1 FROM applications a WHERE a.applicant_id = c.person_id AND a.association_code = ${param}))`;

/** Continuing-education entries: logged by endorsees, reviewed by staff. */
@Injectable()
export class CeEntriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Logs the entry if its person holds (or held) an endorsement; undefined if they hold none. */
  async insertIfEndorsed(entry: NewCeEntry, now: Date): Promise<CeEntryView | undefined> {
    const [row] = await this.dataSource.query<CeEntryView[]>(
      `WITH c AS (
         INSERT INTO ce_entries (person_id, kind, title, provider, completed_on, hours, dei, about_rsc, competency_areas, created_at)
         SELECT $1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10
          WHERE EXISTS (SELECT 1 FROM applications WHERE applicant_id = $1 AND state IN ('endorsed', 'renewal_due', 'lapsed'))
         RETURNING *)
       SELECT ${CE_ENTRY_COLUMNS} FROM c`,
      [entry.personId, entry.kind, entry.title, entry.provider, entry.completedOn, entry.hours, entry.dei, entry.aboutRsc, entry.competencyAreas, now],
    );
    return row;
  }

  /** The person's log, newest first, at most `limit` entries. */
  async listForPerson(personId: string, limit: number): Promise<CeEntryView[]> {
    return this.dataSource.query<CeEntryView[]>(
      `SELECT ${CE_ENTRY_COLUMNS} FROM ce_entries c WHERE c.person_id = $1 ORDER BY c.completed_on DESC, c.created_at DESC LIMIT ${limit}`,
      [personId],
    );
  }

  /**
   * Entries in `status` within the staff scope of `associationCode` (null: all), oldest first, after the
   * entry `after` (keyset pagination).
   */
  async listForReview(status: CeEntryView['status'], associationCode: string | null, after: string | null, limit: number): Promise<CeEntryForReview[]> {
    return this.dataSource.query<CeEntryForReview[]>(
      `SELECT ${CE_ENTRY_COLUMNS}, c.person_id AS "personId", p.full_name AS "fullName"
         FROM ce_entries c JOIN people p ON p.id = c.person_id
        WHERE c.status = $1 AND ${inStaffScope('$2')}
          AND ($3::uuid IS NULL OR (c.created_at, c.id) > (SELECT created_at, id FROM ce_entries WHERE id = $3))
        ORDER BY c.created_at, c.id LIMIT $4`,
      [status, associationCode, after, limit],
    );
  }

  /** Records the review of a pending entry within the staff scope; undefined if there is no such pending entry. */
  async review(
    entryId: string,
    associationCode: string | null,
    review: { status: 'approved' | 'rejected'; reviewerId: string; reviewedAt: Date; note: string | null },
  ): Promise<CeEntryView | undefined> {
    const [rows] = await this.dataSource.query<[CeEntryView[], number]>(
      `UPDATE ce_entries c SET status = $3, reviewed_by = $4, reviewed_at = $5, review_note = $6
        WHERE c.id = $1 AND c.status = 'pending' AND ${inStaffScope('$2')}
        RETURNING ${CE_ENTRY_COLUMNS}`,
      [entryId, associationCode, review.status, review.reviewerId, review.reviewedAt, review.note],
    );
    return rows[0];
  }

  /** The entry's status, if it is within the staff scope of `associationCode` (null: all). */
  async findStatusInScope(entryId: string, associationCode: string | null): Promise<CeEntryView['status'] | undefined> {
    const [visible] = await this.dataSource.query<{ status: CeEntryView['status'] }[]>(
      `SELECT c.status FROM ce_entries c WHERE c.id = $1 AND ${inStaffScope('$2')}`,
      [entryId, associationCode],
    );
    return visible?.status;
  }
}
