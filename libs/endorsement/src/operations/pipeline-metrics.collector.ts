import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Framework } from '#framework';
import {
  emailLedgerRows,
  outboxLag,
  outboxUnprocessedAge,
  queueJobs,
  referencesOverdue,
  remindersDue,
  remindersOldestDueAge,
  sweepLastSuccess,
} from '#metrics';
import { FRAMEWORK, MetricsEndpoint } from '#platform';
import { JobQueues, QUEUE_NAMES } from '#queue';
import { OperationsMetricsRepository } from './operations-metrics.repository.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The worker's collect-on-scrape gauges: queue depths from Redis and the pipeline's state from
 * PostgreSQL, read when Prometheus asks (every 15-60 s), not on a timer of our own.
 */
@Injectable()
export class PipelineMetricsCollector implements OnModuleInit {
  /**
   * Reminder rows keep the escalation day their reference was requested under; if an association later
   * lengthens it, its references requested before are counted overdue up to that many days late.
   */
  private readonly earliestEscalationDays: number;

  constructor(
    private readonly endpoint: MetricsEndpoint,
    private readonly jobs: JobQueues,
    private readonly figures: OperationsMetricsRepository,
    @Inject(FRAMEWORK) framework: Framework,
  ) {
    this.earliestEscalationDays = Math.min(...[...framework.associations.values()].map((a) => a.references.escalationDay));
  }

  onModuleInit(): void {
    this.endpoint.onScrape(() => this.collect());
  }

  async collect(): Promise<void> {
    const [counts, figures] = await Promise.all([
      Promise.all(QUEUE_NAMES.map((queue) => this.jobs.queue(queue).getJobCounts(...QUEUE_STATES))),
      this.figures.pipelineFigures(this.earliestEscalationDays),
    ]);
    QUEUE_NAMES.forEach((queue, i) => {
      for (const state of QUEUE_STATES) queueJobs.set({ queue, state }, counts[i][state] ?? 0);
    });
    outboxLag.set(figures.outboxLagSeconds);
    outboxUnprocessedAge.set(figures.outboxUnprocessedAgeSeconds);
    for (const [status, n] of Object.entries(figures.ledger)) emailLedgerRows.set({ status }, n);
    referencesOverdue.set(figures.referencesOverdue);
    remindersDue.set(figures.remindersDue);
    remindersOldestDueAge.set(figures.remindersOldestDueSeconds);
    for (const [sweep, at] of Object.entries(figures.sweepsLastSuccess)) sweepLastSuccess.set({ sweep }, at);
  }
}
