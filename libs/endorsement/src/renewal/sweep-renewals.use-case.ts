import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { JobQueues, type PayloadOf } from '#queue';

const BATCH = 1_000;

/**
 * Finds, per association and on its own calendar, the endorsements whose renewal opens today or
 * earlier (`leadDays` before the due day) and those whose late window has ended, and hands each to
 * a `renewal-step` job. Streams in keyset batches, so memory stays flat however many endorsements
 * there are; job ids are deterministic, so a second sweep (or a second worker) adds nothing new.
 */
@Injectable()
export class SweepRenewals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(): Promise<number> {
    let found = 0;
    for (const association of this.framework.associations.values()) {
      const today = DateTime.fromJSDate(this.clock.now(), { zone: association.timeZone }).toISODate()!;
      const opensBy = DateTime.fromISO(today).plus({ days: association.renewal.leadDays }).toISODate()!;
      found += await this.stream(association.code, 'open', `state = 'endorsed' AND renewal_due_on <= $2::date`, opensBy);
      found += await this.stream(association.code, 'lapse', `state = 'renewal_due' AND ${LATE_WINDOW_END} < $2::date`, today, association.renewal.lateWindowEndMonthDay);
    }
    return found;
  }

  private async stream(associationCode: string, step: 'open' | 'lapse', where: string, day: string, lateEnd?: string): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let found = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id, to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications
          WHERE association_code = $1 AND ${where} AND id > $3::uuid ORDER BY id LIMIT ${BATCH}`,
        lateEnd ? [associationCode, day, after, lateEnd] : [associationCode, day, after],
      )) as { id: string; due_on: string }[];
      if (!rows.length) return found;
      const jobs: PayloadOf<'renewalStep'>[] = rows.map((r) => ({ applicationId: r.id, dueOn: r.due_on, step }));
      await this.jobs.addBulk('renewalStep', jobs);
      found += rows.length;
      after = rows[rows.length - 1]!.id;
    }
  }
}

/** The last day of the late window after a due day: that month-day this year if later, else next year ($4 = 'MM-DD'). */
const LATE_WINDOW_END = `(CASE WHEN to_char(renewal_due_on, 'MM-DD') < $4
    THEN to_date(extract(year FROM renewal_due_on)::int || '-' || $4, 'YYYY-MM-DD')
    ELSE to_date((extract(year FROM renewal_due_on)::int + 1) || '-' || $4, 'YYYY-MM-DD') END)`;
