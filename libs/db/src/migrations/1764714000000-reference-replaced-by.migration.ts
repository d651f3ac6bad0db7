import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replaced reference names the one that took its place, so staff and reviewers see who replaced
 * whom, and the changes made to one rater's reference can be counted (an abuse limit) across api
 * processes and restarts. References replaced before this column existed get it back from their replacement, which was
 * opened in the same transaction: same application and role, created at the instant the old one ended.
 */
export class ReferenceReplacedBy1764714000000 implements MigrationInterface {
  name = 'ReferenceReplacedBy1764714000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_references ADD COLUMN replaced_by uuid REFERENCES application_references(id)`);
    // Counting a reference's changes walks the chain backwards, from a reference to the one it replaced.
    await q.query(`CREATE INDEX application_references_replaced_by ON application_references (replaced_by) WHERE replaced_by IS NOT NULL`);
    await q.query(`
      UPDATE application_references o SET replaced_by = n.id
        FROM application_references n
       WHERE o.status = 'replaced' AND n.application_id = o.application_id AND n.role = o.role AND n.created_at = o.revoked_at AND n.id <> o.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_references DROP COLUMN replaced_by`);
  }
}
