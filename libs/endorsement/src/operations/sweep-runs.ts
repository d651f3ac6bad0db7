import { Injectable } from '@nestjs/common';
import { sweepDuration } from '#metrics';
import { OperationsMetricsRepository } from './operations-metrics.repository.js';

export type SweepName = 'reminders' | 'renewals' | 'exam-approvals';

/** Runs a sweep timed (`endorsement_sweep_duration_seconds`) and, when it ends well, records when (`…_last_success_timestamp_seconds`). */
@Injectable()
export class SweepRuns {
  constructor(private readonly runs: OperationsMetricsRepository) {}

  async run(sweep: SweepName, work: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    try {
      await work();
    } catch (error) {
      sweepDuration.observe({ sweep, outcome: 'failed' }, (performance.now() - started) / 1000);
      throw error;
    }
    const ms = performance.now() - started;
    sweepDuration.observe({ sweep, outcome: 'completed' }, ms / 1000);
    await this.runs.recordSweepRun(sweep, ms);
  }
}
