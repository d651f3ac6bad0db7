import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '#config';
import { Clock, ManualClock } from '#platform';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

/** The worker in-process, on real services, with time under the test's control. */
export async function startWorker(config: AppConfig, clock: ManualClock): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

/**
 * Waits for a count to reach `target` for as long as it keeps rising: a stalled count fails after
 * `stallMs` without a change, however busy the machine, while a slow but working system is not
 * failed by a fixed deadline.
 */
export async function waitForCount(what: string, fn: () => Promise<number>, target: number, stallMs = 60_000): Promise<void> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const value = await fn();
    if (value >= target) return;
    if (value !== last) [last, movedAt] = [value, Date.now()];
    if (Date.now() - movedAt > stallMs) throw new Error(`${what}: stuck at ${value} of ${target} for ${stallMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitFor<T>(what: string, fn: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
