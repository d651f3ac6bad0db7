import { Injectable } from '@nestjs/common';
import { SweepReminders, SweepRuns } from '#endorsement';
import type { JobHandler } from '#queue';

@Injectable()
export class SweepRemindersHandler implements JobHandler<'sweepReminders'> {
  readonly job = 'sweepReminders' as const;

  constructor(
    private readonly sweep: SweepReminders,
    private readonly runs: SweepRuns,
  ) {}

  async handle(): Promise<void> {
    await this.runs.run('reminders', () => this.sweep.execute());
  }
}
