import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core: people, applications with their portfolio, the append-only audit trail, the outbox, and
 * the facts the state machine's guards read (references, exam attempts, panel votes).
 */
export class CoreSchema1763800000000 implements MigrationInterface {
  name = 'CoreSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_code text NOT NULL,
        email text NOT NULL,
        full_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX people_email_uq ON people (lower(email))`);

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_code text NOT NULL,
        applicant_id uuid NOT NULL REFERENCES people(id),
        category_code text NOT NULL,
        track_code text,
        state text NOT NULL DEFAULT 'draft',
        version integer NOT NULL DEFAULT 0,
        held_from text,
        reinstatement boolean NOT NULL DEFAULT false,
        framework_version text NOT NULL,
        rules jsonb NOT NULL,
        portfolio jsonb NOT NULL,
        amended_at timestamptz,
        exam_approved_at timestamptz,
        state_changed_at timestamptz NOT NULL,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Staff queues: per association and state, oldest first.
    await q.query(`CREATE INDEX applications_queue_idx ON applications (association_code, state, state_changed_at, id)`);
    await q.query(`CREATE INDEX applications_applicant_idx ON applications (applicant_id)`);

    await q.query(`
      CREATE TABLE application_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications(id),
        version integer NOT NULL,
        event text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        actor_id uuid,
        actor_role text NOT NULL,
        reason text,
        payload jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        CONSTRAINT application_events_version_uq UNIQUE (application_id, version)
      )`);
    // The audit trail is append-only: the database itself refuses to rewrite history.
    await q.query(`
      CREATE FUNCTION application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'application_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER application_events_no_update BEFORE UPDATE OR DELETE ON application_events
      FOR EACH ROW EXECUTE FUNCTION application_events_append_only()`);
    await q.query(`
      CREATE TRIGGER application_events_no_truncate BEFORE TRUNCATE ON application_events
      FOR EACH STATEMENT EXECUTE FUNCTION application_events_append_only()`);

    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid REFERENCES applications(id),
        event_id bigint REFERENCES application_events(id),
        effect_type text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);

    await q.query(`
      CREATE TABLE application_references (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        role text NOT NULL,
        rater_name text NOT NULL,
        rater_email text NOT NULL,
        waived_access boolean NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        rating jsonb,
        rated_at timestamptz,
        vetted_at timestamptz,
        vetted_by uuid,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX application_references_app_idx ON application_references (application_id)`);

    await q.query(`
      CREATE TABLE exam_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        attempt_no integer NOT NULL,
        part1_percent numeric(5,2),
        part2_percent numeric(5,2),
        sat_on date,
        created_at timestamptz NOT NULL,
        CONSTRAINT exam_attempts_no_uq UNIQUE (application_id, attempt_no)
      )`);

    await q.query(`
      CREATE TABLE panel_votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        round integer NOT NULL,
        reviewer_id uuid NOT NULL,
        recommendation text NOT NULL,
        checklist jsonb NOT NULL DEFAULT '{}',
        notes text,
        created_at timestamptz NOT NULL,
        CONSTRAINT panel_votes_reviewer_uq UNIQUE (application_id, round, reviewer_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['panel_votes', 'exam_attempts', 'application_references', 'outbox', 'application_events', 'applications', 'people']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION application_events_append_only()`);
  }
}
