import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxNotifier } from '#db';
import type { PayloadOf } from '#queue';
import { TransitionApplication } from '../transition/transition-application.use-case.js';

const STEPS = {
  open: { from: 'endorsed', event: 'open_renewal' },
  lapse: { from: 'renewal_due', event: 'lapse' },
} as const;

/**
 * One step of one renewal cycle: the named endorsement and its holder's others in the same
 * association and due day move together, in one transaction. Re-checked against the rows: the job
 * may be late, repeated, or overtaken (renewed meanwhile), and then there is nothing to do.
 */
@Injectable()
export class TakeRenewalStep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute({ applicationId, dueOn, step }: PayloadOf<'renewalStep'>): Promise<boolean> {
    const { from, event } = STEPS[step];
    const taken = await this.dataSource.transaction(async (manager) => {
      const cycle = (await manager.query(
        `SELECT o.id, o.version FROM applications a
           JOIN applications o ON o.applicant_id = a.applicant_id AND o.association_code = a.association_code
          WHERE a.id = $1 AND o.state = $2 AND o.renewal_due_on = $3::date
          ORDER BY o.id FOR UPDATE OF o`,
        [applicationId, from, dueOn],
      )) as { id: string; version: number }[];
      for (const { id, version } of cycle) {
        // The due day names the cycle in the audit trail and keys its one email (see applicantEmail).
        await this.transition.executeIn(manager, { applicationId: id, event, expectedVersion: version, actor: { id: null, role: 'system' }, payload: { dueOn } });
      }
      return cycle.length > 0;
    });
    if (taken) this.outbox.poke();
    return taken;
  }
}
