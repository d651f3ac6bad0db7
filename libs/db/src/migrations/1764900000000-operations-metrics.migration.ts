import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the metrics need from PostgreSQL: when each sweep last succeeded (kept in the database, so an
 * alert on a sweep that stopped survives worker restarts and a wiped Redis), and an index that keeps
 * counting the references still waiting for their rater cheap on every scrape.
 */
export class OperationsMetrics1764900000000 implements MigrationInterface {
  name = 'OperationsMetrics1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sweep_runs (
        sweep text PRIMARY KEY,
        last_success_at timestamptz NOT NULL,
        last_duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX application_references_waiting_idx ON application_references (requested_at) WHERE status = 'requested' AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_references_waiting_idx`);
    await q.query(`DROP TABLE sweep_runs`);
  }
}
