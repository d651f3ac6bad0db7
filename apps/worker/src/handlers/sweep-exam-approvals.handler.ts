import { Injectable } from '@nestjs/common';
import { SweepExamApprovals } from '#endorsement';
import type { JobHandler } from '#queue';

@Injectable()
export class SweepExamApprovalsHandler implements JobHandler<'sweepExamApprovals'> {
  readonly job = 'sweepExamApprovals' as const;

  constructor(private readonly sweep: SweepExamApprovals) {}

  async handle(): Promise<void> {
    await this.sweep.execute();
  }
}
