import type { FactoryProvider, Type } from '@nestjs/common';
import { checkJobHandlers } from './check-job-handlers.js';
import { JOB_HANDLERS, type JobHandler } from './job-handler.js';

/**
 * The worker's job handlers under JOB_HANDLERS, checked as they are created, before any queue worker
 * exists: the worker refuses to start unless every job of the registry has exactly one.
 */
export function jobHandlersProvider(handlers: Type<JobHandler>[]): FactoryProvider<JobHandler[]> {
  return {
    provide: JOB_HANDLERS,
    inject: handlers,
    useFactory: (...instances: JobHandler[]) => {
      const problems = checkJobHandlers(instances);
      if (problems.length) throw new Error(`The worker cannot start: ${problems.join('; ')}`);
      return instances;
    },
  };
}
