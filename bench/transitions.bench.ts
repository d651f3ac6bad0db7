/**
 * Transitions per second through the transition path (guards judged on pinned rules, version-guarded
 * update, audit event, outbox, notify) with 32 concurrent callers on distinct applications, each call
 * under a request id of its own as an HTTP request's (written to the outbox row), beside a same-run
 * baseline doing the same writes with raw `pg`. Rounds alternate; medians are compared.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions, OutboxNotifier, runMigrations } from '#db';
import { TransitionApplication, TransitionsRepository } from '#endorsement';
import { emptyPortfolio, loadFramework } from '#framework';
import { SystemClock } from '#platform';
import { withRequestId } from '#request-id';
import { createBenchDatabase, median, printResult } from './support/bench-database.js';

const CALLERS = 32;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const coordinator = { id: null, role: 'coordinator' as const };

async function seed(ds: DataSource, count: number): Promise<string[]> {
  const snapshot = loadFramework().rulesSnapshot('MI-AIMH', 'IFA');
  const rows = await ds.query(
    `WITH p AS (
       INSERT INTO people (association_code, email, full_name)
       SELECT 'MI-AIMH', 'bench-' || g || '-' || md5(random()::text) || '@example.org', 'Bench' FROM generate_series(1, $1) g RETURNING id)
     INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
     SELECT 'MI-AIMH', p.id, 'IFA', 'submitted', $2, $3, $4, now(), now(), now() FROM p RETURNING id`,
    [count, snapshot.version, snapshot, emptyPortfolio()],
  );
  return rows.map((r: { id: string }) => r.id);
}

/** Runs `op(i)` in a loop on each of CALLERS callers for ROUND_MS; returns operations per second. */
async function measure(op: (caller: number) => Promise<void>): Promise<number> {
  let done = 0;
  const until = Date.now() + ROUND_MS;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, i) => {
      while (Date.now() < until) {
        await op(i);
        done++;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(CALLERS) });
  const ds = await new DataSource(dataSourceOptions(config, 'bench')).initialize();
  const pool = new pg.Pool({ connectionString: db.url, max: CALLERS });
  pool.on('error', () => undefined); // dropping the database at the end terminates idle clients
  try {
    await runMigrations(ds);
    const ours = await seed(ds, CALLERS);
    const theirs = await seed(ds, CALLERS);
    const transition = new TransitionApplication(ds, new TransitionsRepository(ds), new SystemClock(), new OutboxNotifier(ds));

    // Each caller toggles its own application between submitted and on_hold.
    const oursState = ours.map(() => 'submitted');
    const viaPath = async (i: number) => {
      const event = oursState[i] === 'submitted' ? 'hold' : 'resume';
      const r = await withRequestId(randomUUID(), () => transition.execute({ applicationId: ours[i], event, actor: coordinator, reason: 'benchmark' }));
      oursState[i] = r.to;
    };
    const baseState = theirs.map(() => ({ state: 'submitted', version: 0 }));
    const viaRawPg = async (i: number) => {
      const cur = baseState[i];
      const [to, event, heldFrom] = cur.state === 'submitted' ? ['on_hold', 'hold', 'submitted'] : ['submitted', 'resume', null];
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const now = new Date();
        const u = await client.query(
          `UPDATE applications SET state = $3, version = version + 1, held_from = $4, state_changed_at = $5, updated_at = $5 WHERE id = $1 AND version = $2 RETURNING version`,
          [theirs[i], cur.version, to, heldFrom, now],
        );
        const e = await client.query(
          `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_role, payload, occurred_at) VALUES ($1, $2, $3, $4, $5, 'coordinator', '{}', $6) RETURNING id`,
          [theirs[i], u.rows[0].version, event, cur.state, to, now],
        );
        await client.query(
          `INSERT INTO outbox (application_id, event_id, effect_type, payload, created_at, request_id) VALUES ($1, $2, 'email.applicant', $3, $4, $5)`,
          [theirs[i], e.rows[0].id, { type: 'email.applicant', template: to === 'on_hold' ? 'on_hold' : 'resumed' }, now, randomUUID()],
        );
        await client.query('COMMIT');
        baseState[i] = { state: to, version: u.rows[0].version };
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    };

    await measure(viaPath); // warm-up both
    await measure(viaRawPg);
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      a.push(await measure(viaPath));
      b.push(await measure(viaRawPg));
      console.log(`round ${r + 1}: transition path ${a[r].toFixed(0)}/s, raw pg ${b[r].toFixed(0)}/s`);
    }
    console.log(
      `setup: ${CALLERS} concurrent callers on distinct applications, pool ${CALLERS} each, ${ROUNDS} alternating rounds of ${ROUND_MS} ms, node ${process.version}`,
    );
    console.log(`transition path (median): ${median(a).toFixed(0)} transitions/s; raw pg baseline (median): ${median(b).toFixed(0)} transitions/s`);
    printResult({ bench: 'transitions', value: median(a), unit: 'transitions/s', baseline: median(b), target: 0.6 });
  } finally {
    await pool.end();
    await ds.destroy();
    await db.drop();
  }
}

await main();
