import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#config';
import { EndorsementModule, PipelineMetricsCollector, SweepRuns } from '#endorsement';
import type { Framework } from '#framework';
import { processModules } from '#platform';
import { jobHandlersProvider, jobProcessor, QUEUE_NAMES } from '#queue';
import { BounceReceiverModule } from './bounces/bounce-receiver.module.js';
import { ApplyEffectHandler } from './handlers/apply-effect.handler.js';
import { ApplyEffectsHandler } from './handlers/apply-effects.handler.js';
import { SendEmailHandler } from './handlers/send-email.handler.js';
import { RenewalStepHandler } from './handlers/renewal-step.handler.js';
import { SweepExamApprovalsHandler } from './handlers/sweep-exam-approvals.handler.js';
import { SweepRemindersHandler } from './handlers/sweep-reminders.handler.js';
import { SweepRenewalsHandler } from './handlers/sweep-renewals.handler.js';
import { OutboxRelay } from './outbox/outbox-relay.service.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { SchedulerKeeper } from './outbox/scheduler-keeper.service.js';

const HANDLERS = [
  ApplyEffectsHandler,
  ApplyEffectHandler,
  SendEmailHandler,
  SweepRemindersHandler,
  SweepRenewalsHandler,
  SweepExamApprovalsHandler,
  RenewalStepHandler,
];

/** The background process: the outbox relay, BullMQ processors and the sweeps. Serves health (and metrics on their own port). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, framework?: Framework): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...processModules(config, 'worker', framework),
        EndorsementModule,
        ...(config.deliverability.bounceSmtpPort !== null ? [BounceReceiverModule] : []),
      ],
      providers: [
        ...HANDLERS,
        jobHandlersProvider(HANDLERS),
        // One @Processor per queue, so every queue has its worker.
        ...QUEUE_NAMES.map((queue) => jobProcessor(queue, config)),
        OutboxRelay,
        OutboxRepository,
        SchedulerKeeper,
        // The pipeline's metrics are the worker's alone, so several api processes do not each report them.
        PipelineMetricsCollector,
        SweepRuns,
      ],
    };
  }
}
