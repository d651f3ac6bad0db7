import { Injectable } from '@nestjs/common';
import { SweepRenewals } from '#endorsement';
import type { JobHandler } from '#queue';

@Injectable()
export class SweepRenewalsHandler implements JobHandler<'sweepRenewals'> {
  readonly job = 'sweepRenewals' as const;

  constructor(private readonly sweep: SweepRenewals) {}

  async handle(): Promise<void> {
    await this.sweep.execute();
  }
}
