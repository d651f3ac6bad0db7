import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An endorsement's place in its association's Bitstring Status List, given when its first verifiable
 * credential is issued. Only the position is stored: the bit itself is read from the application's
 * state whenever the list is asked for, so it changes in the same transaction as the state.
 */
export class CredentialStatus1764800000000 implements MigrationInterface {
  name = 'CredentialStatus1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_status_entries (
        application_id uuid PRIMARY KEY REFERENCES applications(id),
        association_code text NOT NULL,
        status_index integer NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT credential_status_entries_index_check CHECK (status_index >= 0 AND status_index < 131072)
      )`);
    await q.query(`CREATE UNIQUE INDEX credential_status_entries_index_uq ON credential_status_entries (association_code, status_index)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_status_entries`);
  }
}
