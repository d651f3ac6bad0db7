import type { JobHandler } from './job-handler.js';
import { JOBS, type JobKey } from './job-registry.js';

/** Every job of the registry needs exactly one handler; returns one line per problem. */
export function checkJobHandlers(handlers: readonly JobHandler[]): string[] {
  return (Object.keys(JOBS) as JobKey[]).flatMap((key) => {
    const count = handlers.filter((h) => h.job === key).length;
    if (count === 1) return [];
    return [`job "${key}" (${JOBS[key].queue}/${JOBS[key].name}) has ${count === 0 ? 'no handler' : `${count} handlers`}`];
  });
}
