import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OutlookKind } from '../outlook/outlook.js';

/** Reminders: emails planned for a later time, which the reminder sweep sends when due. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The association's pending reminders due before `until`, counted by outlook kind and local day (in
   * `timeZone`) of sending: one already overdue is sent at the next sweep, counted on `now`'s day.
   */
  async countPendingByKindAndDay(associationCode: string, now: Date, until: Date, timeZone: string): Promise<{ kind: OutlookKind; date: string; count: number }[]> {
    return this.dataSource.query<{ kind: OutlookKind; date: string; count: number }[]>(
      `SELECT CASE WHEN r.kind = 'renewal_reminder' AND r.offset_days < 0 THEN 'renewal_late_notice' ELSE r.kind END AS kind,
              to_char(greatest(r.due_at, $2) AT TIME ZONE $4, 'YYYY-MM-DD') AS date, count(*)::int AS count
         FROM reminders r JOIN applications a ON a.id = r.application_id
        WHERE r.status = 'pending' AND r.due_at < $3 AND a.association_code = $1
        GROUP BY 1, 2`,
      [associationCode, now, until, timeZone],
    );
  }
}
