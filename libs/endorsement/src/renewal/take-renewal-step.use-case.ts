import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PayloadOf } from '#queue';
import { TransitionApplication } from '../transition/transition-application.use-case.js';

const STEPS = {
  open: { from: 'endorsed', event: 'open_renewal' },
  lapse: { from: 'renewal_due', event: 'lapse' },
} as const;

/**
 * One step of one endorsement's renewal cycle, re-checked against the row: the job may be late,
 * repeated, or overtaken (renewed meanwhile), and then there is nothing to do.
 */
@Injectable()
export class TakeRenewalStep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transition: TransitionApplication,
  ) {}

  async execute({ applicationId, dueOn, step }: PayloadOf<'renewalStep'>): Promise<boolean> {
    const { from, event } = STEPS[step];
    const [row] = (await this.dataSource.query(
      `SELECT version FROM applications WHERE id = $1 AND state = $2 AND renewal_due_on = $3::date`,
      [applicationId, from, dueOn],
    )) as { version: number }[];
    if (!row) return false;
    await this.transition.execute({ applicationId, event, expectedVersion: row.version, actor: { id: null, role: 'system' } });
    return true;
  }
}
