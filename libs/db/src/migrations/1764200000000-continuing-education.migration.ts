import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The continuing-education log: trainings and RSC hours an endorsee records, approved by staff. */
export class ContinuingEducation1764200000000 implements MigrationInterface {
  name = 'ContinuingEducation1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ce_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL CHECK (kind IN ('training', 'rsc')),
        title text NOT NULL,
        provider text NOT NULL,
        completed_on date NOT NULL,
        hours numeric(6,2) NOT NULL CHECK (hours > 0 AND hours <= 1000),
        dei boolean NOT NULL DEFAULT false,
        about_rsc boolean NOT NULL DEFAULT false,
        competency_areas text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        reviewed_by uuid,
        reviewed_at timestamptz,
        review_note text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ce_entries_person_idx ON ce_entries (person_id, completed_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ce_entries`);
  }
}
