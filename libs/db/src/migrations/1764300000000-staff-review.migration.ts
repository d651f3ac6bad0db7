import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff review: who is working on an application, the queue listings' indexes, the phone calls that
 * vet non-endorsed reference raters, and the public registry's lookups.
 */
export class StaffReview1764300000000 implements MigrationInterface {
  name = 'StaffReview1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN assignee_id uuid REFERENCES accounts(id),
        ADD COLUMN claimed_at timestamptz`);
    // The queue is read oldest first (state_changed_at, id). applications_queue_idx serves an
    // association's queue per state; these serve the other shapes of the listing without a sort:
    // one association's every state, an Alliance administrator's queue per state, one person's work.
    await q.query(`CREATE INDEX applications_association_waiting_idx ON applications (association_code, state_changed_at, id)`);
    await q.query(`CREATE INDEX applications_state_waiting_idx ON applications (state, state_changed_at, id)`);
    await q.query(`CREATE INDEX applications_assignee_idx ON applications (assignee_id, state_changed_at, id) WHERE assignee_id IS NOT NULL`);
    // "Failed email" is asked per listed row: only failed deliveries are indexed, and they are few.
    await q.query(`CREATE INDEX email_deliveries_failed_idx ON email_deliveries (application_id) WHERE status = 'failed'`);
    // The registry lists opted-in endorsements only, by name.
    await q.query(`CREATE INDEX applications_registry_idx ON applications (association_code, category_code) WHERE registry_listed`);

    // Every call is kept; application_references.vetted_at/vetted_by stay the current verdict (the
    // latest call that vetted the rater, cleared by a later one that could not).
    await q.query(`
      CREATE TABLE reference_vetting_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference_id uuid NOT NULL REFERENCES application_references(id),
        staff_account_id uuid NOT NULL REFERENCES accounts(id),
        called_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('vetted', 'not_vetted', 'unreachable')),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX reference_vetting_calls_reference_idx ON reference_vetting_calls (reference_id, called_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reference_vetting_calls`);
    for (const index of [
      'applications_registry_idx',
      'email_deliveries_failed_idx',
      'applications_assignee_idx',
      'applications_state_waiting_idx',
      'applications_association_waiting_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`ALTER TABLE applications DROP COLUMN assignee_id, DROP COLUMN claimed_at`);
  }
}
