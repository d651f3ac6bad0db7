import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay keeps a cursor instead of marking every row: one row written per batch published,
 * not one per outbox row (marking dominated the relay's time). Ids the cursor passed before their
 * transaction committed are kept as gaps and looked at again. `written_at` (the database's clock,
 * not the business clock in `created_at`) and `republished_at` tell the stale-row path what Redis
 * should have finished by now.
 */
export class RelayCursor1764500000000 implements MigrationInterface {
  name = 'RelayCursor1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_relay (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        published_through bigint NOT NULL,
        gap_ids bigint[] NOT NULL DEFAULT '{}'
      )`);
    // Everything from the first unpublished row on is published again; job ids and the effects'
    // own keys make the rows among them that were already published harmless.
    await q.query(`
      INSERT INTO outbox_relay (published_through)
      SELECT coalesce((SELECT min(id) - 1 FROM outbox WHERE published_at IS NULL), (SELECT max(id) FROM outbox), 0)`);
    await q.query(`ALTER TABLE outbox ADD COLUMN written_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE outbox RENAME COLUMN published_at TO republished_at`);
    await q.query(`DROP INDEX outbox_unpublished_idx`);
    await q.query(`DROP INDEX outbox_unprocessed_idx`);
    await q.query(`CREATE INDEX outbox_unprocessed_idx ON outbox (id) WHERE processed_at IS NULL`);
    await q.query(`
      CREATE VIEW outbox_unpublished AS
      SELECT o.* FROM outbox o, outbox_relay r WHERE o.id > r.published_through OR o.id = ANY (r.gap_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW outbox_unpublished`);
    await q.query(`DROP INDEX outbox_unprocessed_idx`);
    await q.query(`ALTER TABLE outbox RENAME COLUMN republished_at TO published_at`);
    await q.query(`
      UPDATE outbox o SET published_at = coalesce(o.published_at, o.written_at) FROM outbox_relay r
       WHERE o.id <= r.published_through AND NOT o.id = ANY (r.gap_ids)`);
    await q.query(`ALTER TABLE outbox DROP COLUMN written_at`);
    await q.query(`CREATE INDEX outbox_unprocessed_idx ON outbox (published_at) WHERE processed_at IS NULL AND published_at IS NOT NULL`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
    await q.query(`DROP TABLE outbox_relay`);
  }
}
