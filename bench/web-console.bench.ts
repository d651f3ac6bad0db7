/**
 * The staff console's queue page at 100,000 applications, in Chromium, beside its API call alone in
 * the same run. A coordinator signed in opens /staff/queues; the page counts as usable when the first
 * application of the queue can be selected and the page says how many it shows. The baseline is the
 * queue's own API call (GET /api/v1/staff/applications, 50 rows, longest waiting first) from this
 * process. Both against the built api in its own process, over the same seeded database (see
 * support/staff-queue-fixture.ts); ROUNDS alternating rounds, medians compared. BENCH_TRACE=1 prints
 * the page's resource timings (where the time goes).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions, runMigrations } from '#db';
import { createBenchDatabase, median, printResult } from './support/bench-database.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes } from './support/bench-redis.js';
import { launchChromium } from './support/chromium.js';
import { logIn, PASSWORD, seedCoordinators, seedQueue, startApi, stopProcess } from './support/staff-queue-fixture.js';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const COORDINATOR = 'coordinator-mi-aimh@bench.example';
// Debian's Chromium, as the browser tests drive it.

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const prefix = benchRedisPrefix();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
    MAIL_CATCHER: 'off',
    DATABASE_URL: db.url,
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: prefix,
    AUTH_THROTTLE_LIMIT: '1000',
  };
  const ds = await new DataSource(dataSourceOptions(loadConfig(env), 'bench')).initialize();
  const seeder = new pg.Client({ connectionString: db.url });
  let api: ChildProcess | undefined;
  const browser = await launchChromium('bench:web:console');
  try {
    await runMigrations(ds);
    await seeder.connect();
    const coordinators = await seedCoordinators(seeder);
    await seedQueue(seeder, coordinators, APPLICATIONS);
    const started = await startApi(env);
    api = started.child;
    const token = await logIn(started.base, COORDINATOR);

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${started.base}/sign-in`);
    await page.getByLabel('Email address').fill(COORDINATOR);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ state: 'detached' });

    const apiCall = async () => {
      const t = performance.now();
      const res = await fetch(`${started.base}/api/v1/staff/applications?limit=50`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`queue call failed: ${res.status}`);
      await res.json();
      return performance.now() - t;
    };
    // The page as a person opens it: a full load of the address (the session restored from its cookie).
    const pageLoad = async () => {
      const t = performance.now();
      await page.goto(`${started.base}/staff/queues`);
      await page.locator('.queue-item input[type=checkbox]').first().waitFor();
      await page.getByText(/\d+ shown/).waitFor();
      return performance.now() - t;
    };
    await apiCall();
    await pageLoad(); // warm-up: bundle in the browser's cache, plans in PostgreSQL's
    const pages: number[] = [];
    const calls: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      calls.push(await apiCall());
      pages.push(await pageLoad());
    }
    if (process.env.BENCH_TRACE) {
      const entries = await page.evaluate(() =>
        (globalThis as unknown as { performance: { getEntriesByType(t: string): { name: string; startTime: number; duration: number }[] } }).performance
          .getEntriesByType('resource')
          .map((e) => `${e.name} @${e.startTime.toFixed(0)} +${e.duration.toFixed(0)}`),
      );
      console.log(entries.join('\n'));
    }
    console.log(`queue page usable (ms): ${pages.map((v) => v.toFixed(0)).join(' ')}; its API call alone (ms): ${calls.map((v) => v.toFixed(1)).join(' ')}`);
    printResult({ bench: 'web-console-queue-page', value: median(pages), unit: 'ms', baseline: median(calls), target: 20 });
  } finally {
    await browser.close();
    if (api) await stopProcess(api);
    await seeder.end().catch(() => undefined);
    await ds.destroy();
    await deleteRedisPrefixes([prefix]);
    await db.drop();
  }
}

await main();
