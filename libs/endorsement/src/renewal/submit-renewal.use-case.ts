import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxNotifier } from '#db';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { TransitionsRepository } from '../transition/transitions.repository.js';
import { checkRenewalRequirements, type RenewalGap } from './check-renewal-requirements.js';
import { EndorsementsRepository } from './endorsements.repository.js';
import { nextDueOn, renewalCycle } from './renewal-calendar.js';

/** What a renewal costs: the association's fee, plus its late fee once the due day has passed. */
export interface RenewalFee {
  amount: number;
  currency: string;
  late: boolean;
}

/** One renewal: a person's endorsements in one association due the same day, renewed for one fee. */
export interface Renewal {
  associationCode: string;
  dueOn: string;
  nextDueOn: string;
  fee: RenewalFee;
  applicationIds: string[];
}

export interface SubmitRenewalResult {
  /** The renewals made, one per association and due day; empty when something is missing. */
  renewals: Renewal[];
  /** What the cycle still lacks, in plain language; empty when renewed. */
  gaps: RenewalGap[];
}

/**
 * An endorsee asks to renew: every endorsement of theirs that is due renews at once on the same
 * approved hours, or nothing renews and they are told exactly what is missing. The endorsements of
 * one association due the same day are one renewal, with one fee: the association publishes one
 * renewal fee, not one per category.
 */
@Injectable()
export class SubmitRenewal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endorsements: EndorsementsRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    private readonly transitions: TransitionsRepository,
  ) {}

  async execute(personId: string): Promise<SubmitRenewalResult> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (manager): Promise<SubmitRenewalResult> => {
      const cycles = await this.endorsements.lockDueCycles(personId, manager);
      // Each endorsement's own facts: one in its first cycle may be exempt where another is not.
      for (const id of cycles.flatMap((c) => c.ids)) {
        const row = (await this.transitions.findApplicationRow(id, now, manager))!;
        const gaps = checkRenewalRequirements(row.renewal!.entries, row.renewal!);
        if (gaps.length) return { renewals: [], gaps };
      }
      const renewals: Renewal[] = [];
      for (const { association_code: associationCode, due_on: dueOn, ids } of cycles) {
        const association = this.framework.association(associationCode);
        const next = nextDueOn(dueOn, association.renewal, association.timeZone);
        const late = now >= renewalCycle(dueOn, association.renewal, association.timeZone).lateFrom;
        const fee = { amount: association.renewal.fee + (late ? association.renewal.lateFee : 0), currency: association.currency, late };
        for (const [i, id] of ids.entries()) {
          // The guard judges this cycle's hours; the event records the fee, charged once: on the
          // cycle's first endorsement, the others naming it.
          const charge = i === 0 ? { fee } : { feeChargedWith: ids[0] };
          await this.transition.executeIn(manager, {
            applicationId: id,
            event: 'renew',
            actor: { id: personId, role: 'system' },
            payload: { dueOn, ...charge },
          });
        }
        // Then the next cycle's due day, which the `renewed` email names.
        await this.endorsements.setRenewalDueOn(ids, next, manager);
        renewals.push({ associationCode, dueOn, nextDueOn: next, fee, applicationIds: ids });
      }
      return { renewals, gaps: [] };
    });
    if (result.renewals.length) this.outbox.poke();
    return result;
  }
}
