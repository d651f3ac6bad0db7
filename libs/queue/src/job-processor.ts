import { performance } from 'node:perf_hooks';
import { Inject, type OnApplicationBootstrap, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { jobDuration, jobFailures } from '#metrics';
import { withRequestId } from '#request-id';
import { JOB_HANDLERS, type JobHandler } from './job-handler.js';
import { JOBS, type QueueName, type Traced } from './job-registry.js';
import { PermanentJobError } from './permanent-job.error.js';
import { workerConnection } from './queue-connections.js';
import { redactError } from './redact-addresses.js';

// Declared when this file loads, before LoggerModule.forRoot creates the providers of decorated loggers.
const InjectProcessorLogger = InjectPinoLogger('JobProcessor');

/**
 * The @Processor class of one queue: @nestjs/bullmq gives it a BullMQ worker, which it feeds each job
 * to the registry's handler of that name. Handler errors are rethrown so BullMQ retries them; every
 * log line inside a job carries its id and the request id it runs under (see requestIdOfJob), and its
 * end is logged with its duration. Made per configuration because the worker's connection and
 * concurrency come from it (a decorator's options are otherwise fixed where the class is declared).
 */
export function jobProcessor(queue: QueueName, config: AppConfig): Type<WorkerHost> {
  @Processor(queue, {
    connection: workerConnection(config),
    // Effects and emails are I/O bound (PostgreSQL, SMTP); sweeps lock their own rows and need no more than one.
    concurrency: queue === 'sweeps' ? 1 : config.pipeline.mailConcurrency,
    // Started once the application has bootstrapped (migrations applied), not while modules initialise.
    autorun: false,
  })
  class QueueProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
    private readonly byName: ReadonlyMap<string, JobHandler>;

    constructor(
      @Inject(JOB_HANDLERS) handlers: JobHandler[],
      @InjectProcessorLogger private readonly logger: PinoLogger,
    ) {
      super();
      this.byName = new Map(handlers.filter((h) => JOBS[h.job].queue === queue).map((h) => [JOBS[h.job].name, h]));
    }

    onApplicationBootstrap(): void {
      this.worker.run().catch((error: Error) => this.worker.emit('error', error));
    }

    async onApplicationShutdown(): Promise<void> {
      // Before the database and the queues close: jobs in progress finish, unfinished ones return to the queue.
      await this.worker.close();
    }

    process(job: Job): Promise<void> {
      const handler = this.byName.get(job.name);
      if (!handler) throw new UnrecoverableError(`no handler for ${queue}/${job.name}`);
      const { requestIds } = job.data as Traced;
      const bindings = { jobId: job.id, queue, job: job.name, attempt: job.attemptsMade + 1, ...(requestIds ? { requestIds } : {}) };
      return withRequestId(requestIdOfJob(queue, job), () =>
        this.logger.runInContext(
          async () => {
            const started = performance.now();
            const timer = jobDuration.startTimer({ queue, job: job.name });
            try {
              await handler.handle(job.data as never, job);
              timer({ outcome: 'completed' });
            } catch (error) {
              timer({ outcome: 'failed' });
              // What a job throws is kept (message and stack) where the queue dashboard shows it, and logged:
              // never with an address in it (mail servers echo the recipient in their 4xx/5xx answers).
              const safe = redactError(error instanceof Error ? error : new Error(String(error)));
              if (safe instanceof PermanentJobError) throw new UnrecoverableError(safe.message);
              throw safe;
            }
            this.logger.info({ ms: Math.round(performance.now() - started) }, 'job done');
          },
          { bindings },
        ),
      );
    }

    @OnWorkerEvent('failed')
    onFailed(job: Job | undefined, error: Error): Promise<void> | undefined {
      if (!job) return;
      return withRequestId(requestIdOfJob(queue, job), async () => {
        const handler = this.byName.get(job.name);
        // A permanent failure was recorded by the handler that raised it; exhausted retries were not.
        const permanent = error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
        const exhausted = !permanent && job.attemptsMade >= (job.opts.attempts ?? 1);
        jobFailures.inc({ queue, job: job.name, final: String(permanent || exhausted) });
        this.logger.warn({ jobId: job.id, queue, job: job.name, attempt: job.attemptsMade, permanent, exhausted, err: error.message }, 'job failed');
        if (exhausted && handler?.onGiveUp)
          await handler
            .onGiveUp(job.data as never, error)
            .catch((e: Error) => this.logger.error({ jobId: job.id, err: e.message }, 'recording a failed job failed'));
      });
    }

    @OnWorkerEvent('error')
    onError(error: Error): void {
      this.logger.warn({ queue, err: error.message }, 'queue worker error');
    }
  }
  // Named for Nest's messages (EffectsProcessor, MailProcessor …).
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}Processor` });
  return QueueProcessor;
}

/**
 * The id a job runs under: that of the request (or job) that caused it, or else its own, `sweep:<job id>`
 * for the scheduled sweeps and `job:<job id>` for the rest (e.g. a relay run serving several requests,
 * which lists them in `requestIds`). The colon keeps these apart from any id a client can send.
 */
export function requestIdOfJob(queue: QueueName, job: Pick<Job, 'id' | 'data'>): string {
  return (job.data as Traced).requestId ?? `${queue === 'sweeps' ? 'sweep' : 'job'}:${job.id}`;
}
