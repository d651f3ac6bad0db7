import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The id of the request (or job) that caused an outbox row or an email, so an operator can follow one
 * click through the relay, the jobs and the ledger to the SMTP answer. Null on rows written before,
 * and on rows written outside any request or job (scripts).
 */
export class RequestIds1764910000000 implements MigrationInterface {
  name = 'RequestIds1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN request_id text`);
    await q.query(`ALTER TABLE email_deliveries ADD COLUMN request_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_deliveries DROP COLUMN request_id`);
    await q.query(`ALTER TABLE outbox DROP COLUMN request_id`);
  }
}
