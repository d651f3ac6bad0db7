import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliverability: a message accepted (250) can still bounce later or be reported as spam, so a ledger
 * row can end `bounced` after `sent`; a message never sent because its address is suppressed ends
 * `suppressed`, the reason on the row. Staff see both beside `failed` (the failed-email flag and its
 * index cover all three). `email_suppressions` holds the addresses not to send to again (lower-cased)
 * until someone gives the address anew.
 */
export class Deliverability1764810000000 implements MigrationInterface {
  name = 'Deliverability1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_status_ck`);
    await q.query(
      `ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_status_ck CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'bounced', 'suppressed'))`,
    );
    await q.query(`DROP INDEX email_deliveries_failed_idx`);
    await q.query(`CREATE INDEX email_deliveries_failed_idx ON email_deliveries (application_id) WHERE status IN ('failed', 'bounced', 'suppressed')`);
    await q.query(`
      CREATE TABLE email_suppressions (
        email text PRIMARY KEY,
        reason text NOT NULL,
        detail text,
        delivery_id uuid,
        created_at timestamptz NOT NULL,
        CONSTRAINT email_suppressions_reason_ck CHECK (reason IN ('hard_bounce', 'complaint')),
        CONSTRAINT email_suppressions_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES email_deliveries(id) ON DELETE SET NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_suppressions`);
    await q.query(`DROP INDEX email_deliveries_failed_idx`);
    await q.query(`UPDATE email_deliveries SET status = 'failed' WHERE status IN ('bounced', 'suppressed')`);
    await q.query(`CREATE INDEX email_deliveries_failed_idx ON email_deliveries (application_id) WHERE status = 'failed'`);
    await q.query(`ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_status_ck`);
    await q.query(`ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_status_ck CHECK (status IN ('queued', 'sending', 'sent', 'failed'))`);
  }
}
