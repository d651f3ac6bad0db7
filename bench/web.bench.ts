/**
 * The web portal in Chromium (Debian's, headless), against the api as deployed (built, its own process):
 * (a) first page weight: the bytes of JS and CSS the sign-in page (a person's first page) and the
 *     application page load, each response gzipped as the wire would carry it. Budget: ≤ 200 kB gzip
 *     for the first page.
 * (b) the application page usable: from navigation (signed in, warm browser cache as on a second
 *     visit) until its h1 and its data (state, references) are shown, beside the same API calls
 *     alone (GET me, the application, then its timeline and emails together, as the page makes
 *     them) from this process, in the same run. Rounds alternate; medians are compared.
 */
import 'reflect-metadata';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions, runMigrations } from '#db';
import { emptyPortfolio, loadFramework } from '#framework';
import { createBenchDatabase, median } from './support/bench-database.js';
import { launchChromium } from './support/chromium.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes } from './support/bench-redis.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BUDGET_KB = 200;
const EMAIL = 'ivy@bench.example';
const PASSWORD = 'bench password, long enough';

async function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  const child = spawn(process.execPath, [join(root, 'apps/api/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: port, METRICS_PORT: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${base}/health/live`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the api did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base };
}

/** An applicant who can sign in, with one application waiting for its references. */
async function seed(ds: DataSource): Promise<string> {
  const [person] = await ds.query(`INSERT INTO people (association_code, email, full_name) VALUES ('MI-AIMH', $1, 'Ivy Bench') RETURNING id`, [EMAIL]);
  await ds.query(
    `INSERT INTO accounts (person_id, email, password_hash, roles, association_code, created_at, updated_at) VALUES ($1, $2, $3, '{applicant}', 'MI-AIMH', now(), now())`,
    [person.id, EMAIL, await hash(PASSWORD)],
  );
  const snapshot = loadFramework().rulesSnapshot('MI-AIMH', 'IFA');
  const [app] = await ds.query(
    `INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
     VALUES ('MI-AIMH', $1, 'IFA', 'reference_checks', $2, $3, $4, now(), now(), now()) RETURNING id`,
    [person.id, snapshot.version, snapshot, emptyPortfolio()],
  );
  for (const [name, status] of [
    ['Rosa Rater', 'rated'],
    ['Bea Rater', 'bounced'],
    ['Cal Rater', 'requested'],
  ]) {
    await ds.query(
      `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, token_expires_at, requested_at, created_at)
       VALUES ($1, 'supervisor', $2, $3, true, $4, now() + interval '30 days', now(), now())`,
      [app.id, name, `${name.split(' ')[0].toLowerCase()}@rater.example`, status],
    );
  }
  return app.id as string;
}

/** The JS and CSS a navigation loads, each gzipped: [bytes, files]. */
async function assetBytes(page: Page, load: () => Promise<unknown>): Promise<{ bytes: number; files: number }> {
  const bodies: Promise<number>[] = [];
  const listener = (response: import('playwright-core').Response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') bodies.push(response.body().then((b) => gzipSync(b, { level: 9 }).length));
  };
  page.on('response', listener);
  await load();
  page.off('response', listener);
  const sizes = await Promise.all(bodies);
  return { bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const prefix = benchRedisPrefix();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    MAIL_CATCHER: 'off',
    DATABASE_URL: db.url,
    REDIS_URL: BENCH_REDIS_URL,
    QUEUE_PREFIX: prefix,
    AUTH_THROTTLE_LIMIT: '100000',
  };
  const ds = await new DataSource(dataSourceOptions(loadConfig(env), 'bench')).initialize();
  let api: ChildProcess | undefined;
  const browser = await launchChromium('bench:web');
  try {
    await runMigrations(ds);
    const appId = await seed(ds);
    const started = await startApi(env);
    api = started.child;
    const base = started.base;
    const heading = 'Your Infant Family Associate application';

    // (a) A newcomer's first page, with a cold cache, then the application page after signing in.
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const first = await assetBytes(page, async () => {
      await page.goto(`${base}/applications/${appId}`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    });
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    const appPage = await assetBytes(page, async () => {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByText('Email bounced').first().waitFor();
    });

    // (b) Alternating rounds: the page usable in Chromium, and its API calls alone.
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const get = (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.json());
    const pageMs: number[] = [];
    const apiMs: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      let t0 = performance.now();
      await page.goto(`${base}/applications/${appId}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByText('Email bounced').first().waitFor();
      await page.locator('#timeline').getByText('Nothing has happened yet').waitFor();
      const pageTime = performance.now() - t0;
      t0 = performance.now();
      await get('/api/v1/auth/me');
      await get(`/api/v1/applications/${appId}`);
      await Promise.all([get(`/api/v1/applications/${appId}/timeline`), get(`/api/v1/applications/${appId}/emails`)]);
      const apiTime = performance.now() - t0;
      if (round > 0) {
        pageMs.push(pageTime);
        apiMs.push(apiTime);
      }
    }
    const kb = (n: number) => Math.round(n / 10.24) / 100;
    console.log(
      `setup: api built in its own process; Chromium ${browser.version()} headless at 360 px; ${ROUNDS} alternating rounds (+1 warm-up); node ${process.version}`,
    );
    console.log(
      `first page (sign-in, cold cache): ${kb(first.bytes)} kB gzip of JS and CSS in ${first.files} files; budget ${BUDGET_KB} kB: ${first.bytes <= BUDGET_KB * 1024 ? 'met' : 'NOT met'}`,
    );
    console.log(`application page after sign-in (more files, cached ones not counted): ${kb(appPage.bytes)} kB gzip in ${appPage.files} files`);
    console.log(
      `application page usable (h1 and data shown): median ${median(pageMs).toFixed(1)} ms; its API calls alone: median ${median(apiMs).toFixed(1)} ms`,
    );
    const result = { bench: 'web-application-page', value: median(pageMs), unit: 'ms', baseline: median(apiMs), target: 0.1 };
    // Higher is better: the API calls' time over the page's.
    const round3 = (n: number) => Math.round(n * 1000) / 1000;
    console.log(
      JSON.stringify({
        bench: result.bench,
        value: round3(result.value),
        unit: result.unit,
        baseline: round3(result.baseline),
        ratio: round3(result.baseline / result.value),
        target: result.target,
        firstPageKbGzip: kb(first.bytes),
        budgetKbGzip: BUDGET_KB,
        budgetMet: first.bytes <= BUDGET_KB * 1024,
      }),
    );
  } finally {
    await browser.close();
    if (api && api.exitCode === null) {
      await new Promise((resolve) => {
        api!.once('exit', resolve);
        api!.kill('SIGTERM');
      });
    }
    await ds.destroy();
    await deleteRedisPrefixes([prefix]);
    await db.drop();
  }
}

await main();
