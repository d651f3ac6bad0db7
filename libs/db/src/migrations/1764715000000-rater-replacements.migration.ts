import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reference opened for a new rater address names the one it replaced, so the changes made to one
 * reference can be counted (an abuse limit) across api processes and restarts.
 */
export class RaterReplacements1764715000000 implements MigrationInterface {
  name = 'RaterReplacements1764715000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_references ADD COLUMN replaces_id uuid REFERENCES application_references(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_references DROP COLUMN replaces_id`);
  }
}
