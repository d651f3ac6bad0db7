import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exam and the panel: sittings an association offers, each attempt's seat and blind candidate
 * code, the two independent part 2 scores, and which two reviewers review an application per round.
 */
export class ExamAndPanel1764400000000 implements MigrationInterface {
  name = 'ExamAndPanel1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exam_windows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_code text NOT NULL,
        sits_on date NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        online boolean NOT NULL,
        location text CHECK (length(location) <= 200),
        capacity integer NOT NULL CHECK (capacity > 0),
        created_by uuid NOT NULL REFERENCES accounts(id),
        created_at timestamptz NOT NULL,
        CONSTRAINT exam_windows_place_ck CHECK (online OR location IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX exam_windows_association_idx ON exam_windows (association_code, sits_on)`);

    // The candidate code is all an exam reviewer sees of a candidate: random, and new for every
    // attempt, so papers of one person cannot be linked either.
    await q.query(`
      ALTER TABLE exam_attempts
        ADD COLUMN window_id uuid REFERENCES exam_windows(id),
        ADD COLUMN candidate_code text NOT NULL DEFAULT ('C-' || upper(substr(md5(gen_random_uuid()::text), 1, 10))),
        ADD COLUMN registered_by uuid REFERENCES accounts(id),
        ADD COLUMN retake_request text CHECK (length(retake_request) <= 4000),
        ADD COLUMN part1_recorded_by uuid REFERENCES accounts(id),
        ADD COLUMN part1_recorded_at timestamptz,
        ADD COLUMN decided_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX exam_attempts_candidate_code_uq ON exam_attempts (candidate_code)`);
    await q.query(`CREATE INDEX exam_attempts_window_idx ON exam_attempts (window_id)`);

    // part2_percent on the attempt is their mean, written when the last score is in.
    await q.query(`
      CREATE TABLE exam_part2_scores (
        attempt_id uuid NOT NULL REFERENCES exam_attempts(id),
        reviewer_id uuid NOT NULL REFERENCES accounts(id),
        percent numeric(5,2) NOT NULL CHECK (percent BETWEEN 0 AND 100),
        scored_at timestamptz NOT NULL,
        PRIMARY KEY (attempt_id, reviewer_id)
      )`);

    await q.query(`
      CREATE TABLE panel_assignments (
        application_id uuid NOT NULL REFERENCES applications(id),
        round integer NOT NULL,
        reviewer_id uuid NOT NULL REFERENCES accounts(id),
        assigned_by uuid NOT NULL REFERENCES accounts(id),
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, round, reviewer_id)
      )`);
    await q.query(`CREATE INDEX panel_assignments_reviewer_idx ON panel_assignments (reviewer_id, application_id)`);
    await q.query(`ALTER TABLE panel_votes ADD CONSTRAINT panel_votes_recommendation_ck CHECK (recommendation IN ('endorse', 'defer', 'deny'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE panel_votes DROP CONSTRAINT panel_votes_recommendation_ck`);
    await q.query(`DROP TABLE panel_assignments`);
    await q.query(`DROP TABLE exam_part2_scores`);
    await q.query(`DROP INDEX exam_attempts_window_idx`);
    await q.query(`DROP INDEX exam_attempts_candidate_code_uq`);
    await q.query(`
      ALTER TABLE exam_attempts
        DROP COLUMN window_id, DROP COLUMN candidate_code, DROP COLUMN registered_by, DROP COLUMN retake_request,
        DROP COLUMN part1_recorded_by, DROP COLUMN part1_recorded_at, DROP COLUMN decided_at`);
    await q.query(`DROP TABLE exam_windows`);
  }
}
