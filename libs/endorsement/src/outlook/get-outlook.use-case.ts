import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthenticatedAccount } from '#auth';
import type { Association, Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { associationNotFound } from '../associations/association-not-found.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';
import { lapsedIfDueBefore } from '../renewal/renewal-calendar.js';
import { staffAssociation } from '../staff/staff-scope.js';
import { emptyCounts, type AssociationOutlook, type OutlookCounts, type OutlookKind } from './outlook.js';
import { renewalSteps } from './renewal-outlook.js';

export interface GetOutlookQuery {
  caller: AuthenticatedAccount;
  /** An Alliance-wide administrator may name one association; staff see their own. */
  association?: string;
  /** Calendar days from today, today included. */
  days: number;
}

/**
 * What will go out in the next days, per association and local day: renewals opening and lapsing
 * (each with its email) and reminder emails, counted by kind. Reminders already planned are rows;
 * those of cycles not open yet are projected from the renewal calendar. Counts only: no one's name.
 */
@Injectable()
export class GetOutlook {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    private readonly reminders: RemindersRepository,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute({ caller, association: requested, days }: GetOutlookQuery): Promise<AssociationOutlook[]> {
    const association = staffAssociation(caller, requested);
    if (association !== null && !this.framework.associations.has(association)) throw associationNotFound(association);
    const associations = association === null ? [...this.framework.associations.values()] : [this.framework.association(association)];
    const now = this.clock.now();
    return Promise.all(associations.map((a) => this.outlookOf(a, now, days)));
  }

  private async outlookOf(association: Association, now: Date, days: number): Promise<AssociationOutlook> {
    const zone = association.timeZone;
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    const end = today.plus({ days });
    const until = end.toJSDate();
    const byDay = new Map<string, OutlookCounts>();
    const add = (kind: OutlookKind, date: string, count: number) => {
      const counts = byDay.get(date) ?? byDay.set(date, emptyCounts()).get(date)!;
      counts[kind] += count;
    };

    // Only due days whose opening or lapse can fall before `until`.
    const groups = await this.endorsements.countDueGroups(
      association.code,
      end.plus({ days: association.renewal.leadDays }).toISODate()!,
      lapsedIfDueBefore(end.toISODate()!, association.renewal, zone),
    );
    for (const group of groups)
      for (const step of renewalSteps(group, association, now, until)) add(step.kind, DateTime.fromJSDate(step.at, { zone }).toISODate()!, step.count);

    const reminders = await this.reminders.countPendingByKindAndDay(association.code, now, until, zone);
    for (const r of reminders) add(r.kind, r.date, r.count);

    const totals = emptyCounts();
    const dayList = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, counts]) => ({ date, counts }));
    for (const { counts } of dayList) for (const kind of Object.keys(totals) as OutlookKind[]) totals[kind] += counts[kind];
    return { association: association.code, timeZone: zone, from: now.toISOString(), until: end.minus({ days: 1 }).toISODate()!, days: dayList, totals };
  }
}
