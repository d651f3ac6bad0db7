import { describe, expect, test } from '@jest/globals';
import type { JobHandler } from './job-handler.js';
import { jobHandlersProvider } from './job-handlers.provider.js';
import { JOBS, type JobKey } from './job-registry.js';

const handler = (job: JobKey): JobHandler => ({ job, handle: () => Promise.resolve() });
const all = (Object.keys(JOBS) as JobKey[]).map(handler);

describe('jobHandlersProvider', () => {
  test('hands over the handlers when every job has exactly one', () => {
    expect(jobHandlersProvider([]).useFactory(...all)).toEqual(all);
  });

  test('refuses to create them, so the worker does not start, when a job has none', () => {
    expect(() => jobHandlersProvider([]).useFactory(...all.filter((h) => h.job !== 'renewalStep'))).toThrow(
      'The worker cannot start: job "renewalStep" (renewals/renewal-step) has no handler',
    );
  });
});
