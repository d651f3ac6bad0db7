import { Injectable } from '@nestjs/common';
import { SweepExamApprovals, SweepRuns } from '#endorsement';
import type { JobHandler } from '#queue';

@Injectable()
export class SweepExamApprovalsHandler implements JobHandler<'sweepExamApprovals'> {
  readonly job = 'sweepExamApprovals' as const;

  constructor(
    private readonly sweep: SweepExamApprovals,
    private readonly runs: SweepRuns,
  ) {}

  async handle(): Promise<void> {
    await this.runs.run('exam-approvals', () => this.sweep.execute());
  }
}
