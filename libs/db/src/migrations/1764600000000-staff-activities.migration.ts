import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What staff did to an application besides transitions, for its audit timeline: who claimed it, whom
 * it was assigned to, which reviewers sit on its panel. Append-only, like the transitions' events.
 */
export class StaffActivities1764600000000 implements MigrationInterface {
  name = 'StaffActivities1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_activities (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications(id),
        kind text NOT NULL CHECK (kind IN ('claimed', 'assigned', 'unassigned', 'panel_assigned')),
        actor_id uuid NOT NULL REFERENCES accounts(id),
        -- The accounts it names: the assignee, or the panel's reviewers.
        account_ids uuid[] NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX application_activities_application_idx ON application_activities (application_id, id)`);
    await q.query(`
      CREATE FUNCTION application_activities_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'application_activities is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER application_activities_no_update BEFORE UPDATE OR DELETE ON application_activities
      FOR EACH ROW EXECUTE FUNCTION application_activities_append_only()`);
    await q.query(`
      CREATE TRIGGER application_activities_no_truncate BEFORE TRUNCATE ON application_activities
      FOR EACH STATEMENT EXECUTE FUNCTION application_activities_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_activities`);
    await q.query(`DROP FUNCTION application_activities_append_only()`);
  }
}
