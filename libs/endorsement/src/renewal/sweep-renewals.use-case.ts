import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { JobQueues, type PayloadOf } from '#queue';
import type { ApplicationState } from '#workflow';
import { EndorsementsRepository } from './endorsements.repository.js';
import { lapsedIfDueBefore } from './renewal-calendar.js';

/**
 * Rows per keyset page, and jobs per addBulk: one PostgreSQL and one Redis round trip per page. Small
 * enough that a page's jobs in flight are little garbage for the heap to promote (see bench:renewal).
 */
const BATCH = 1_000;

/**
 * Finds, per association and on its own calendar, the renewal cycles that open today or earlier
 * (`leadDays` before the due day) and those whose late window has ended, and hands each to a
 * `renewal-step` job. A cycle is a person's endorsements in one association with one due day: they
 * renew once, so they open, are reminded and lapse together, as one job named by the cycle's first
 * endorsement (the step takes the whole cycle). Both are a range of due days, read in keyset pages
 * along the renewal index (association, state, due day, person, id), grouped in SQL: each page is an
 * index range scan, and memory stays flat however many endorsements there are. Job ids are
 * deterministic, so a second sweep (or a second worker) adds nothing new, and a sweep killed
 * half-way is finished by the next.
 */
@Injectable()
export class SweepRenewals {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(): Promise<number> {
    let found = 0;
    for (const { code, timeZone, renewal } of this.framework.associations.values()) {
      const today = DateTime.fromJSDate(this.clock.now(), { zone: timeZone }).toISODate()!;
      const opensIfDueBefore = DateTime.fromISO(today)
        .plus({ days: renewal.leadDays + 1 })
        .toISODate()!;
      found += await this.stream(code, 'open', 'endorsed', opensIfDueBefore);
      found += await this.stream(code, 'lapse', 'renewal_due', lapsedIfDueBefore(today, renewal, timeZone));
    }
    return found;
  }

  /** Queues `step` for every cycle of the association in `state` due before `dueBefore`. */
  private async stream(associationCode: string, step: 'open' | 'lapse', state: ApplicationState, dueBefore: string): Promise<number> {
    let after = { dueOn: '-infinity', personId: '00000000-0000-0000-0000-000000000000' };
    let found = 0;
    for (;;) {
      const rows = await this.endorsements.findCyclesDue(associationCode, state, dueBefore, after, BATCH);
      if (rows.length) {
        const jobs: PayloadOf<'renewalStep'>[] = rows.map((r) => ({ applicationId: r.id, dueOn: r.due_on, step }));
        await this.jobs.addBulk('renewalStep', jobs);
        found += rows.length;
      }
      if (rows.length < BATCH) return found;
      const last = rows[rows.length - 1];
      after = { dueOn: last.due_on, personId: last.applicant_id };
    }
  }
}
