import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { checkJobHandlers } from './check-job-handlers.js';
import { JOB_HANDLERS, type JobHandler } from './job-handler.js';
import { JOBS, QUEUE_NAMES, type QueueName } from './job-registry.js';
import { PermanentJobError } from './permanent-job.error.js';
import { redactError } from './redact-addresses.js';

/**
 * Runs the registry's jobs: one BullMQ worker per queue, dispatching by job name. Refuses to start
 * unless every job has exactly one handler. Handler errors are rethrown so BullMQ retries them;
 * every log line inside a job carries its id.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('JobRunner') private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const problems = checkJobHandlers(this.handlers);
    if (problems.length) throw new Error(`The worker cannot start: ${problems.join('; ')}`);
    const byName = new Map(this.handlers.map((h) => [`${JOBS[h.job].queue}/${JOBS[h.job].name}`, h]));
    for (const queue of QUEUE_NAMES) {
      const worker = new Worker(queue, (job) => this.run(queue, byName, job), {
        connection: { url: this.config.redis.url, maxRetriesPerRequest: null },
        prefix: this.config.redis.prefix,
        // Effects and emails are I/O bound (PostgreSQL, SMTP); sweeps lock their own rows and need no more than one.
        concurrency: queue === 'sweeps' ? 1 : this.config.pipeline.mailConcurrency,
      });
      worker.on('failed', (job, error) => void this.onFailed(queue, byName, job, error));
      worker.on('error', (error) => this.logger.warn({ queue, err: error.message }, 'queue worker error'));
      this.workers.push(worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // close() lets jobs in progress finish; unfinished ones return to the queue.
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private run(queue: QueueName, byName: Map<string, JobHandler>, job: Job): Promise<void> {
    const handler = byName.get(`${queue}/${job.name}`);
    if (!handler) throw new UnrecoverableError(`no handler for ${queue}/${job.name}`);
    return this.logger.runInContext(
      async () => {
        try {
          await handler.handle(job.data as never, job);
        } catch (error) {
          // What a job throws is kept (message and stack) where the queue dashboard shows it, and logged:
          // never with an address in it (mail servers echo the recipient in their 4xx/5xx answers).
          const safe = redactError(error instanceof Error ? error : new Error(String(error)));
          if (safe instanceof PermanentJobError) throw new UnrecoverableError(safe.message);
          throw safe;
        }
      },
      { bindings: { jobId: job.id, queue, job: job.name, attempt: job.attemptsMade + 1 } },
    );
  }

  private async onFailed(queue: QueueName, byName: Map<string, JobHandler>, job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const handler = byName.get(`${queue}/${job.name}`);
    // A permanent failure was recorded by the handler that raised it; exhausted retries were not.
    const permanent = error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
    const exhausted = !permanent && job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn({ jobId: job.id, queue, job: job.name, attempt: job.attemptsMade, permanent, exhausted, err: error.message }, 'job failed');
    if (exhausted && handler?.onGiveUp) await handler.onGiveUp(job.data as never, error).catch((e: Error) => this.logger.error({ jobId: job.id, err: e.message }, 'recording a failed job failed'));
  }
}

