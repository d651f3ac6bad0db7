import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff may give a rater a new address (a bounce the applicant cannot fix alone): the audit timeline
 * names who did it and which reference, so a new activity kind and the reference it concerns.
 */
export class RaterReplacedActivity1764830000000 implements MigrationInterface {
  name = 'RaterReplacedActivity1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_activities DROP CONSTRAINT application_activities_kind_check`);
    await q.query(
      `ALTER TABLE application_activities ADD CONSTRAINT application_activities_kind_check CHECK (kind IN ('claimed', 'assigned', 'unassigned', 'panel_assigned', 'rater_replaced'))`,
    );
    await q.query(`ALTER TABLE application_activities ADD COLUMN reference_id uuid REFERENCES application_references(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_activities DROP COLUMN reference_id`);
    await q.query(`ALTER TABLE application_activities DROP CONSTRAINT application_activities_kind_check`);
    await q.query(
      `ALTER TABLE application_activities ADD CONSTRAINT application_activities_kind_check CHECK (kind IN ('claimed', 'assigned', 'unassigned', 'panel_assigned'))`,
    );
  }
}
