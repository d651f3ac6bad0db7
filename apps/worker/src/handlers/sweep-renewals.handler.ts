import { Injectable } from '@nestjs/common';
import { SweepRenewals, SweepRuns } from '#endorsement';
import type { JobHandler } from '#queue';

@Injectable()
export class SweepRenewalsHandler implements JobHandler<'sweepRenewals'> {
  readonly job = 'sweepRenewals' as const;

  constructor(
    private readonly sweep: SweepRenewals,
    private readonly runs: SweepRuns,
  ) {}

  async handle(): Promise<void> {
    await this.runs.run('renewals', () => this.sweep.execute());
  }
}
