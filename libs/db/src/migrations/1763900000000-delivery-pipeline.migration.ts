import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event pipeline: the email ledger, reminders as rows with a due time, outbox processing marks,
 * rater links stored only as hashes, and the endorsement an endorse decision issues.
 */
export class DeliveryPipeline1763900000000 implements MigrationInterface {
  name = 'DeliveryPipeline1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // published_at: handed to Redis; processed_at: its effect applied. A published row left unprocessed
    // (Redis wiped, job lost) is published again.
    await q.query(`ALTER TABLE outbox ADD COLUMN processed_at timestamptz`);
    await q.query(`CREATE INDEX outbox_unprocessed_idx ON outbox (published_at) WHERE processed_at IS NULL AND published_at IS NOT NULL`);

    await q.query(`
      ALTER TABLE application_references
        ADD COLUMN token_hash text,
        ADD COLUMN token_expires_at timestamptz,
        ADD COLUMN requested_at timestamptz,
        ADD COLUMN revoked_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX application_references_token_uq ON application_references (token_hash) WHERE token_hash IS NOT NULL`);

    // An endorsement: its number (association prefix + sequence), date, and first renewal due date.
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN endorsement_number text,
        ADD COLUMN endorsed_at timestamptz,
        ADD COLUMN renewal_due_on date,
        ADD COLUMN registry_listed boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE UNIQUE INDEX applications_endorsement_number_uq ON applications (endorsement_number) WHERE endorsement_number IS NOT NULL`);
    await q.query(`CREATE TABLE endorsement_sequences (association_code text PRIMARY KEY, last_value integer NOT NULL)`);

    await q.query(`
      CREATE TABLE email_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_key text NOT NULL,
        application_id uuid REFERENCES applications(id),
        reference_id uuid REFERENCES application_references(id),
        template text NOT NULL,
        recipient_kind text NOT NULL,
        recipient_email text NOT NULL,
        recipient_name text NOT NULL,
        context jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'queued',
        attempts integer NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        smtp_response text,
        message_id text,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        sent_at timestamptz,
        CONSTRAINT email_deliveries_business_key_uq UNIQUE (business_key),
        CONSTRAINT email_deliveries_status_ck CHECK (status IN ('queued', 'sending', 'sent', 'failed'))
      )`);
    await q.query(`CREATE INDEX email_deliveries_application_idx ON email_deliveries (application_id)`);
    // The reconciler looks for deliveries that should be moving.
    await q.query(`CREATE INDEX email_deliveries_open_idx ON email_deliveries (updated_at) WHERE status IN ('queued', 'sending')`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject_key text NOT NULL,
        application_id uuid REFERENCES applications(id),
        reference_id uuid REFERENCES application_references(id),
        offset_days integer NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        fired_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT reminders_once_uq UNIQUE (kind, subject_key, offset_days),
        CONSTRAINT reminders_status_ck CHECK (status IN ('pending', 'done', 'cancelled'))
      )`);
    await q.query(`CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminders`);
    await q.query(`DROP TABLE email_deliveries`);
    await q.query(`DROP TABLE endorsement_sequences`);
    await q.query(`DROP INDEX applications_endorsement_number_uq`);
    await q.query(`ALTER TABLE applications DROP COLUMN endorsement_number, DROP COLUMN endorsed_at, DROP COLUMN renewal_due_on, DROP COLUMN registry_listed`);
    await q.query(`DROP INDEX application_references_token_uq`);
    await q.query(`ALTER TABLE application_references DROP COLUMN token_hash, DROP COLUMN token_expires_at, DROP COLUMN requested_at, DROP COLUMN revoked_at`);
    await q.query(`DROP INDEX outbox_unprocessed_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN processed_at`);
  }
}
