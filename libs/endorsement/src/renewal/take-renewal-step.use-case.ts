import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxNotifier } from '#db';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import type { PayloadOf } from '#queue';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { EndorsementsRepository } from './endorsements.repository.js';
import { renewalCycle, type RenewalCycle } from './renewal-calendar.js';

const STEPS = {
  open: { from: 'endorsed', event: 'open_renewal', at: 'opensAt' },
  lapse: { from: 'renewal_due', event: 'lapse', at: 'lapsesAt' },
} as const satisfies Record<string, { from: string; event: string; at: keyof RenewalCycle }>;

/**
 * One step of one renewal cycle: the named endorsement and its holder's others in the same
 * association and due day move together, in one transaction. Re-checked against the rows and the
 * association's calendar: the job may be late, repeated, overtaken (renewed meanwhile), early, or not
 * the system's at all (written by hand), and then there is nothing to do. Only a step of the current
 * cycle, in the state it leaves, once its time has come, is taken.
 */
@Injectable()
export class TakeRenewalStep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endorsements: EndorsementsRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute({ applicationId, dueOn, step }: PayloadOf<'renewalStep'>): Promise<boolean> {
    const { from, event, at } = STEPS[step];
    const taken = await this.dataSource.transaction(async (manager) => {
      const cycle = await this.endorsements.lockCycle(applicationId, from, dueOn, manager);
      if (!cycle.length) return false;
      const { timeZone, renewal } = this.framework.association(cycle[0].association_code);
      if (this.clock.now() < renewalCycle(dueOn, renewal, timeZone)[at]) return false;
      for (const { id, version } of cycle) {
        // The due day names the cycle in the audit trail and keys its one email (see applicantEmail).
        await this.transition.executeIn(manager, {
          applicationId: id,
          event,
          expectedVersion: version,
          actor: { id: null, role: 'system' },
          payload: { dueOn },
        });
      }
      return true;
    });
    if (taken) this.outbox.poke();
    return taken;
  }
}
