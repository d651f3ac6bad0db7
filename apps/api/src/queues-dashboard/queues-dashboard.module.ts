import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import type { BeforeHook } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import { AuthModule } from '#auth';
import { JobQueues, QUEUE_NAMES } from '#queue';
import { DashboardAccessMiddleware } from './dashboard-access.middleware.js';
import { DashboardSignInController } from './dashboard-sign-in.controller.js';
import { DASHBOARD_SIGN_IN_PATH, DASHBOARD_SIGN_OUT_PATH, QUEUES_DASHBOARD_PATH } from './queues-dashboard.paths.js';

/**
 * Bull Board's routes that write a job's data: adding (and "duplicate") and editing it. Refused for
 * everyone: a job written by hand skips the checks the system's own work makes before queueing it.
 * Matched on Bull Board's route definition, so no spelling of the path gets past it.
 */
const WRITES_JOB_DATA = new Set(['/api/queues/:queueName/add', '/api/queues/:queueName/:jobId/update-data']);

const refuseJobDataWrites: BeforeHook = ({ route }) =>
  WRITES_JOB_DATA.has(route)
    ? {
        allow: false,
        status: 403,
        message: 'Adding jobs or changing their data from the dashboard is turned off: jobs come only from the system itself, which checks them first.',
      }
    : undefined;

/**
 * Bull Board for operators at /admin/queues: job counts, failed jobs and their errors, retry, pause.
 * Imported by the api only when QUEUE_DASHBOARD=true; otherwise none of its routes exist (404).
 *
 * Alliance-wide administrators only, since the dashboard can pause, empty and delete the queues every
 * association shares: DashboardAccessMiddleware checks the access token (sign-in page cookie, or a
 * Bearer header) and the caller's origin before any Bull Board route, page, asset or API, and the
 * sign-in and sign-out pages are the only routes under the path it lets through.
 */
@Module({
  imports: [AuthModule],
  controllers: [DashboardSignInController],
  providers: [DashboardAccessMiddleware],
})
export class QueuesDashboardModule implements NestModule {
  constructor(@Inject(JobQueues) private readonly jobQueues: JobQueues) {}

  configure(consumer: MiddlewareConsumer): void {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUES_DASHBOARD_PATH);
    // Not read-only: retrying failed jobs is what operators come here for.
    createBullBoard({
      queues: QUEUE_NAMES.map((name) => new BullMQAdapter(this.jobQueues.queue(name))),
      serverAdapter,
      options: { uiConfig: { miscLinks: [{ text: 'Sign out', url: DASHBOARD_SIGN_OUT_PATH }] }, handlerHooks: { before: refuseJobDataWrites } },
    });
    consumer
      .apply(DashboardAccessMiddleware, serverAdapter.getRouter() as Router)
      .exclude(...[DASHBOARD_SIGN_IN_PATH, DASHBOARD_SIGN_OUT_PATH].map((path) => ({ path: path.slice(1), method: RequestMethod.ALL })))
      .forRoutes(QUEUES_DASHBOARD_PATH);
  }
}
