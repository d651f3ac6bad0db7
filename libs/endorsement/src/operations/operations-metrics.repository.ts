import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Ledger statuses counted on scrape: those that stay few while all is well (each has a partial index). `sent` is counted as it happens. */
export const LEDGER_STATUSES_COUNTED = ['queued', 'sending', 'failed', 'bounced', 'suppressed'] as const;

export interface PipelineFigures {
  outboxLagSeconds: number;
  outboxUnprocessedAgeSeconds: number;
  ledger: Record<(typeof LEDGER_STATUSES_COUNTED)[number], number>;
  referencesOverdue: number;
  remindersDue: number;
  remindersOldestDueSeconds: number;
  /** Sweep name → Unix seconds of its last success. */
  sweepsLastSuccess: Record<string, number>;
}

/**
 * What the worker's metrics read from PostgreSQL on each scrape: one round trip, every part an index
 * range that stays small while the system is healthy (unpublished outbox rows after the relay's
 * cursor, open ledger rows, pending reminders already due, references still waiting), never a scan
 * of history.
 */
@Injectable()
export class OperationsMetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `earliestEscalationDays`: the fewest days after its request at which any association's rules make a
   * reference overdue; only references requested at least that long ago are looked at (an index range).
   */
  async pipelineFigures(earliestEscalationDays: number): Promise<PipelineFigures> {
    const [row] = await this.dataSource.query<
      {
        outbox_lag: number;
        outbox_unprocessed_age: number;
        ledger: Record<string, number>;
        references_overdue: number;
        reminders_due: number;
        reminders_oldest_due: number;
        sweeps: Record<string, number>;
      }[]
    >(
      `
      SELECT
        -- Unpublished: after the relay's cursor, or a gap it passed before that row's transaction committed.
        (SELECT coalesce(extract(epoch FROM now() - min(w.written_at)), 0) FROM (
           -- Scalar subqueries, so the cursor is an index bound rather than a join filter over every row.
           (SELECT written_at FROM outbox WHERE id > (SELECT published_through FROM outbox_relay) ORDER BY id LIMIT 1)
           UNION ALL
           (SELECT written_at FROM outbox WHERE id = ANY ((SELECT gap_ids FROM outbox_relay)::bigint[]))) w)::float8 AS outbox_lag,
        (SELECT coalesce(extract(epoch FROM now() - (SELECT written_at FROM outbox WHERE processed_at IS NULL ORDER BY id LIMIT 1)), 0))::float8 AS outbox_unprocessed_age,
        (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (
           SELECT status, count(*) AS n FROM email_deliveries WHERE status IN ('queued', 'sending') GROUP BY status
           UNION ALL
           SELECT status, count(*) AS n FROM email_deliveries WHERE status IN ('failed', 'bounced', 'suppressed') GROUP BY status) l) AS ledger,
        -- Overdue as the reminder rules say (and as the applicant's pending steps show it): the reference's
        -- escalation reminder is due, sent or not, and no rating came. A subquery per reference, looked up
        -- by the reminders' unique key: as a join, PostgreSQL would rather scan every reminder ever made.
        (SELECT count(*) FROM application_references ref
          WHERE ref.status = 'requested' AND ref.revoked_at IS NULL AND ref.requested_at <= now() - make_interval(days => $1)
            AND (SELECT min(m.due_at) FROM reminders m WHERE m.kind = 'reference_overdue' AND m.subject_key = ref.id::text AND m.status <> 'cancelled') <= now())::int AS references_overdue,
        (SELECT count(*) FROM reminders WHERE status = 'pending' AND due_at <= now())::int AS reminders_due,
        (SELECT coalesce(extract(epoch FROM now() - min(due_at)), 0) FROM reminders WHERE status = 'pending' AND due_at <= now())::float8 AS reminders_oldest_due,
        (SELECT coalesce(jsonb_object_agg(sweep, extract(epoch FROM last_success_at)), '{}') FROM sweep_runs) AS sweeps`,
      [earliestEscalationDays],
    );
    return {
      outboxLagSeconds: row.outbox_lag,
      outboxUnprocessedAgeSeconds: row.outbox_unprocessed_age,
      ledger: Object.fromEntries(LEDGER_STATUSES_COUNTED.map((s) => [s, Number(row.ledger[s] ?? 0)])) as PipelineFigures['ledger'],
      referencesOverdue: row.references_overdue,
      remindersDue: row.reminders_due,
      remindersOldestDueSeconds: row.reminders_oldest_due,
      sweepsLastSuccess: Object.fromEntries(Object.entries(row.sweeps).map(([k, v]) => [k, Number(v)])),
    };
  }

  /** A sweep ran to the end: kept in PostgreSQL, so "not run for a day" holds across restarts and a wiped Redis. */
  async recordSweepRun(sweep: string, durationMs: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sweep_runs (sweep, last_success_at, last_duration_ms) VALUES ($1, now(), $2)
       ON CONFLICT (sweep) DO UPDATE SET last_success_at = excluded.last_success_at, last_duration_ms = excluded.last_duration_ms`,
      [sweep, Math.round(durationMs)],
    );
  }
}
