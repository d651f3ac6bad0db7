import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import type { PayloadOf } from '#queue';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { renewalCycle, type RenewalCycle } from './renewal-calendar.js';

const STEPS = {
  open: { from: 'endorsed', event: 'open_renewal', at: 'opensAt' },
  lapse: { from: 'renewal_due', event: 'lapse', at: 'lapsesAt' },
} as const satisfies Record<string, { from: string; event: string; at: keyof RenewalCycle }>;

/**
 * One step of one endorsement's renewal cycle, re-checked against the row and the association's
 * calendar: the job may be late, repeated, overtaken (renewed meanwhile), early, or not the
 * system's at all (written by hand), and then there is nothing to do. Only a step of the
 * endorsement's current cycle, in the state it leaves, once its time has come, is taken.
 */
@Injectable()
export class TakeRenewalStep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transition: TransitionApplication,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute({ applicationId, dueOn, step }: PayloadOf<'renewalStep'>): Promise<boolean> {
    const { from, event, at } = STEPS[step];
    const [row] = (await this.dataSource.query(
      `SELECT version, association_code FROM applications WHERE id = $1 AND state = $2 AND renewal_due_on = $3::date`,
      [applicationId, from, dueOn],
    )) as { version: number; association_code: string }[];
    if (!row) return false;
    const { timeZone, renewal } = this.framework.association(row.association_code);
    if (this.clock.now() < renewalCycle(dueOn, renewal, timeZone)[at]) return false;
    await this.transition.execute({ applicationId, event, expectedVersion: row.version, actor: { id: null, role: 'system' } });
    return true;
  }
}
