import { Injectable } from '@nestjs/common';
import { SweepReminders } from '#endorsement';
import type { JobHandler } from '#queue';

@Injectable()
export class SweepRemindersHandler implements JobHandler<'sweepReminders'> {
  readonly job = 'sweepReminders' as const;

  constructor(private readonly sweep: SweepReminders) {}

  async handle(): Promise<void> {
    await this.sweep.execute();
  }
}
