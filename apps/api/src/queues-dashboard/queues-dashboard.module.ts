import { ForbiddenException, Inject, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { JobQueues, QUEUE_NAMES } from '#queue';
import { isLocalRequest } from './loopback-only.js';

export const QUEUES_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board for operators at /admin/queues: job counts, failed jobs and their errors, retry.
 * Imported by the api only when QUEUE_DASHBOARD=true.
 *
 * There is no authentication yet, so the dashboard answers only requests made on the api's own host
 * (loopback, not forwarded): reach it with an SSH tunnel. When staff roles exist, replace
 * `localOnly` with their guard; do not widen it before then, since the dashboard can delete jobs.
 */
@Module({})
export class QueuesDashboardModule implements NestModule {
  constructor(@Inject(JobQueues) private readonly jobQueues: JobQueues) {}

  configure(consumer: MiddlewareConsumer): void {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUES_DASHBOARD_PATH);
    // Not read-only: retrying failed jobs is what operators come here for.
    createBullBoard({ queues: QUEUE_NAMES.map((name) => new BullMQAdapter(this.jobQueues.queue(name))), serverAdapter });
    consumer.apply(localOnly, serverAdapter.getRouter()).forRoutes(QUEUES_DASHBOARD_PATH);
  }
}

function localOnly(req: Request, _res: Response, next: NextFunction): void {
  // Thrown, not passed to next(): Nest's middleware proxy hands it to the problem+json filter.
  if (!isLocalRequest(req)) throw new ForbiddenException('The queue dashboard answers only on the api host itself (loopback); use an SSH tunnel.');
  next();
}
