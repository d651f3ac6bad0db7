import { describe, expect, test } from '@jest/globals';
import { checkJobHandlers } from './check-job-handlers.js';
import type { JobHandler } from './job-handler.js';
import { JOBS, type JobKey } from './job-registry.js';

const handler = (job: JobKey): JobHandler => ({ job, handle: () => Promise.resolve() });
const all = (Object.keys(JOBS) as JobKey[]).map(handler);

describe('checkJobHandlers', () => {
  test('one handler per job passes', () => {
    expect(checkJobHandlers(all)).toEqual([]);
  });

  test('a job without a handler, and one with two, are both reported', () => {
    const problems = checkJobHandlers([...all.filter((h) => h.job !== 'sendEmail'), handler('applyEffect')]);
    expect(problems).toEqual(['job "applyEffect" (effects/apply-effect) has 2 handlers', 'job "sendEmail" (mail/send-email) has no handler']);
  });

  test('job ids are deterministic and free of ":" (BullMQ reserves it)', () => {
    expect(JOBS.sendEmail.jobId({ deliveryId: 'abc' })).toBe('email-abc');
    expect(JOBS.applyEffect.jobId({ outboxId: '42' })).toBe('outbox-42');
    expect(JOBS.applyEffects.jobId({ outboxIds: ['7', '8', '11'] })).toBe('outbox-7-to-11-n3');
    for (const def of Object.values(JOBS)) expect(def.jobId({ deliveryId: 'x', outboxId: 'y', outboxIds: ['1', '2'] } as never)).not.toContain(':');
  });
});
