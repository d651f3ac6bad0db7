import { performance } from 'node:perf_hooks';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { CountingSmtpSink } from './counting-smtp-sink.js';
import { percentile } from './load-stats.js';

/** What bench:load reads from the database, Redis and the sink after a step: each probe one question. */

/** The PostgreSQL backends serving the database, for their CPU time. */
export async function backendPids(ds: DataSource): Promise<number[]> {
  return (await ds.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).map((r) => r.pid);
}

/** pg_stat_database for this database; backends flush these at most once a second, so deltas are approximate. */
export async function databaseStats(ds: DataSource): Promise<{ activeMs: number; commits: number; rollbacks: number }> {
  const [r] = await ds.query<{ activeMs: number; commits: number; rollbacks: number }[]>(
    `SELECT active_time AS "activeMs", xact_commit::int AS commits, xact_rollback::int AS rollbacks FROM pg_stat_database WHERE datname = current_database()`,
  );
  return r;
}

export interface Drained {
  ms: number;
  /** Marked sent by the ledger, never at the sink. */
  lost: number;
  /** Outbox rows not applied, and ledger rows queued or sending, when the wait ran out. */
  unsent: number;
  /** Ledger rows failed since the step began. */
  failed: number;
  sentTotal: number;
}

/**
 * Waits (at most `maxMs`) until the outbox is applied, the ledger has nothing queued or sending, and
 * as many rows are marked sent as the sink holds; then checks every sent row's id against the sink.
 */
export async function drain(ds: DataSource, sink: CountingSmtpSink, since: number, maxMs: number): Promise<Drained> {
  const t0 = performance.now();
  for (;;) {
    const [c] = await ds.query<{ outbox: number; unsent: number; sent: number }[]>(
      `SELECT (SELECT count(*)::int FROM outbox WHERE processed_at IS NULL) AS outbox,
              (SELECT count(*)::int FROM email_deliveries WHERE status IN ('queued', 'sending')) AS unsent,
              (SELECT count(*)::int FROM email_deliveries WHERE status = 'sent') AS sent`,
    );
    const settled = c.outbox === 0 && c.unsent === 0 && c.sent <= sink.deliveryIds.size;
    if (settled || performance.now() - t0 > maxMs) {
      const sent = await ds.query<{ id: string }[]>(`SELECT id FROM email_deliveries WHERE status = 'sent'`);
      const [{ failed }] = await ds.query<{ failed: number }[]>(
        `SELECT count(*)::int AS failed FROM email_deliveries WHERE status = 'failed' AND updated_at >= $1`,
        [new Date(since)],
      );
      return {
        ms: performance.now() - t0,
        lost: sent.filter((r) => !sink.deliveryIds.has(r.id)).length,
        unsent: c.unsent + c.outbox,
        failed,
        sentTotal: sent.length,
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface JobTiming {
  queue: string;
  name: string;
  jobs: number;
  waitP50: number;
  waitP95: number;
  runP50: number;
  runP95: number;
}

/** Wait (enqueued → started) and run (started → finished) of the jobs finished since `since`, per queue and job name, from BullMQ's own timestamps. */
export async function jobTimings(queues: Queue[], since: number): Promise<{ timings: JobTiming[]; failedAttempts: number }> {
  const timings: JobTiming[] = [];
  let failedAttempts = 0;
  for (const q of queues) {
    const byName = new Map<string, { wait: number[]; run: number[] }>();
    for (const j of await q.getJobs(['completed'], 0, -1)) {
      if ((j.finishedOn ?? 0) < since) continue;
      const t = byName.get(j.name) ?? { wait: [], run: [] };
      t.wait.push(j.processedOn! - j.timestamp);
      t.run.push(j.finishedOn! - j.processedOn!);
      byName.set(j.name, t);
    }
    for (const [name, t] of byName) {
      timings.push({
        queue: q.name,
        name,
        jobs: t.wait.length,
        waitP50: percentile(t.wait, 0.5),
        waitP95: percentile(t.wait, 0.95),
        runP50: percentile(t.run, 0.5),
        runP95: percentile(t.run, 0.95),
      });
    }
    failedAttempts += (await q.getJobs(['failed'], 0, -1)).filter((j) => (j.finishedOn ?? 0) >= since).length;
  }
  return { timings, failedAttempts };
}

export type PipelineLegs = Record<'appliedP50' | 'appliedP95' | 'sentP50' | 'sentP95', number | null>;

/** Outbox commit → applied, and ledger row → sent, for the rows written since `since` (from the rows' own timestamps). */
export async function pipelineLegs(ds: DataSource, since: number): Promise<PipelineLegs> {
  const [r] = await ds.query<PipelineLegs[]>(
    `SELECT (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - created_at) * 1000) FROM outbox WHERE created_at >= $1)::int AS "appliedP50",
            (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - created_at) * 1000) FROM outbox WHERE created_at >= $1)::int AS "appliedP95",
            (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at) * 1000) FROM email_deliveries WHERE created_at >= $1 AND sent_at IS NOT NULL)::int AS "sentP50",
            (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at) * 1000) FROM email_deliveries WHERE created_at >= $1 AND sent_at IS NOT NULL)::int AS "sentP95"`,
    [new Date(since)],
  );
  return r;
}
