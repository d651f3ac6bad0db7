/**
 * The worker's metrics scrape (OperationsMetricsRepository.pipelineFigures: outbox lag, ledger counts,
 * overdue references, due reminders, sweeps) over a database with a long history (BENCH_HISTORY rows
 * each of sent emails, processed outbox rows, answered references and their reminders), beside the same
 * query over a database holding only the same open work (unpublished rows, queued and failed emails,
 * waiting and overdue references, due reminders) and no history. Every part of the query is an index
 * range over open work, so history adds only deeper index lookups (the per-reference probe into a
 * reminders index of BENCH_HISTORY × 3 rows), not reads of it: target ours ≤ 3 × baseline.
 * Rows are inserted with foreign keys off (setup only: no application rows are needed to count them).
 * Rounds alternate; medians are compared. BENCH_EXPLAIN=1 prints the query's plan over the history.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions, runMigrations } from '#db';
import { OperationsMetricsRepository, type PipelineFigures } from '#endorsement';
import { createBenchDatabase, median, printResult } from './support/bench-database.js';

const HISTORY = Number(process.env.BENCH_HISTORY ?? 300_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCRAPES = 50;
const TARGET = 3;
const ESCALATION_DAYS = 14;

/** Open work, the same in both databases: what a scrape is meant to find. */
async function seedOpenWork(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(`INSERT INTO email_deliveries (business_key, template, recipient_kind, recipient_email, recipient_name, status, created_at, updated_at)
      SELECT 'open-' || g, 'reference_request', 'rater', 'r' || g || '@example.org', 'Rater', CASE WHEN g <= 100 THEN 'queued' ELSE 'failed' END, now(), now() FROM generate_series(1, 120) g`);
    await m.query(`INSERT INTO outbox (effect_type, payload, created_at) SELECT 'x', '{}', now() FROM generate_series(1, 50)`);
    await m.query(`UPDATE outbox_relay SET published_through = (SELECT coalesce(max(id), 0) - 50 FROM outbox)`);
    // 200 references waiting, requested 0-39 days ago: those past day 21 are overdue.
    await m.query(`INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, created_at, requested_at)
      SELECT gen_random_uuid(), 'supervisor', 'Rater', 'w' || g || '@example.org', true, 'requested', now(), now() - (g % 40) * interval '1 day' FROM generate_series(1, 200) g`);
    await m.query(`INSERT INTO reminders (kind, subject_key, reference_id, offset_days, due_at, status, created_at)
      SELECT 'reference_overdue', r.id::text, r.id, 21, r.requested_at + interval '21 days', CASE WHEN r.requested_at + interval '21 days' <= now() THEN 'done' ELSE 'pending' END, now()
        FROM application_references r WHERE r.status = 'requested'`);
    await m.query(`INSERT INTO reminders (kind, subject_key, offset_days, due_at, status, created_at)
      SELECT 'reference_reminder', 'due-' || g, 7, now() - interval '5 minutes', 'pending', now() FROM generate_series(1, 50) g`);
  });
}

/** Years of finished work: what a scrape must not have to read. */
async function seedHistory(ds: DataSource, rows: number): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(
      `INSERT INTO email_deliveries (business_key, template, recipient_kind, recipient_email, recipient_name, status, created_at, updated_at, sent_at)
      SELECT 'old-' || g, 'reference_request', 'rater', 'h' || g || '@example.org', 'Rater', 'sent', now(), now(), now() FROM generate_series(1, $1) g`,
      [rows],
    );
    await m.query(`INSERT INTO outbox (effect_type, payload, created_at, processed_at) SELECT 'x', '{}', now(), now() FROM generate_series(1, $1)`, [rows]);
    await m.query(
      `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, created_at, requested_at, rated_at)
      SELECT gen_random_uuid(), 'supervisor', 'Rater', 'a' || g || '@example.org', true, 'received', now(), now() - (g % 700) * interval '1 day', now() FROM generate_series(1, $1) g`,
      [rows],
    );
    await m.query(`INSERT INTO reminders (kind, subject_key, reference_id, offset_days, due_at, status, created_at)
      SELECT k.kind, r.id::text, r.id, k.days, r.requested_at + k.days * interval '1 day', CASE WHEN k.days = 7 THEN 'done' ELSE 'cancelled' END, now()
        FROM application_references r, (VALUES ('reference_reminder', 7), ('reference_reminder', 14), ('reference_overdue', 21)) AS k(kind, days)
       WHERE r.status = 'received'`);
  });
}

async function open(url: string): Promise<DataSource> {
  const ds = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '2', LOG_LEVEL: 'silent' }))).initialize();
  await runMigrations(ds);
  return ds;
}

async function scrapeMs(repository: OperationsMetricsRepository): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SCRAPES; i++) {
    const started = performance.now();
    await repository.pipelineFigures(ESCALATION_DAYS);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function main(): Promise<void> {
  const [withHistory, openOnly] = await Promise.all([createBenchDatabase(), createBenchDatabase()]);
  const [ours, base] = await Promise.all([open(withHistory.url), open(openOnly.url)]);
  try {
    await seedHistory(ours, HISTORY);
    await Promise.all([seedOpenWork(ours), seedOpenWork(base)]);
    await Promise.all([ours.query('ANALYZE'), base.query('ANALYZE')]);
    const [a, b] = [new OperationsMetricsRepository(ours), new OperationsMetricsRepository(base)];
    // Both must see the same open work (ages aside), or the comparison means nothing.
    const counts = ({ ledger, referencesOverdue, remindersDue }: PipelineFigures) => JSON.stringify({ ledger, referencesOverdue, remindersDue });
    const [seenOurs, seenBase] = [counts(await a.pipelineFigures(ESCALATION_DAYS)), counts(await b.pipelineFigures(ESCALATION_DAYS))];
    if (seenOurs !== seenBase) throw new Error(`the two databases disagree: ${seenOurs} vs ${seenBase}`);
    console.log(`open work seen by both: ${seenOurs}`);
    if (process.env.BENCH_EXPLAIN) {
      let sql = '';
      await new OperationsMetricsRepository({
        query: (text: string) => ((sql = text), Promise.resolve([{ ledger: {}, sweeps: {} }])),
      } as unknown as DataSource).pipelineFigures(ESCALATION_DAYS);
      const plan = await ours.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, [ESCALATION_DAYS]);
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const oursMs: number[] = [];
    const baseMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      oursMs.push(await scrapeMs(a));
      baseMs.push(await scrapeMs(b));
      console.log(
        `round ${round + 1}: with ${HISTORY} rows of history per table ${oursMs.at(-1)!.toFixed(2)} ms, open work only ${baseMs.at(-1)!.toFixed(2)} ms (median of ${SCRAPES} scrapes)`,
      );
    }
    printResult({ bench: 'metrics-scrape', value: median(oursMs), unit: 'ms', baseline: median(baseMs), target: TARGET });
  } finally {
    await Promise.all([ours.destroy(), base.destroy()]);
    await Promise.all([withHistory.drop(), openOnly.drop()]);
  }
}

await main();
