import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's endorsements in one association with one due day renew as one cycle: the renewal sweep
 * reads them grouped by person (the index gains applicant_id before id and replaces the old one,
 * whose queries it serves as well), and a cycle's reminders are one row per person, cycle and offset.
 * Pending reminders planned per endorsement are re-keyed to their person's cycle; where a person had
 * one per endorsement, the first is kept and the others cancelled.
 */
export class RenewalPerPerson1764710000000 implements MigrationInterface {
  name = 'RenewalPerPerson1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX applications_renewal_person_idx ON applications (association_code, state, renewal_due_on, applicant_id, id) WHERE state IN ('endorsed', 'renewal_due')`,
    );
    await q.query(`DROP INDEX applications_renewal_idx`);
    await q.query(
      `WITH planned AS (
         SELECT r.id, ${CYCLE_KEY} AS cycle_key,
                row_number() OVER (PARTITION BY ${CYCLE_KEY}, r.offset_days ORDER BY r.application_id) AS n
           FROM reminders r JOIN applications a ON a.id = r.application_id
          WHERE r.kind = 'renewal_reminder' AND r.status = 'pending')
       UPDATE reminders r SET subject_key = CASE WHEN p.n = 1 THEN p.cycle_key ELSE r.subject_key END,
                              status = CASE WHEN p.n = 1 THEN r.status ELSE 'cancelled' END
         FROM planned p WHERE p.id = r.id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX applications_renewal_idx ON applications (association_code, state, renewal_due_on, id) WHERE state IN ('endorsed', 'renewal_due')`,
    );
    await q.query(`DROP INDEX applications_renewal_person_idx`);
  }
}

// The pending reminder's cycle (see renewalCycleKey): the due day is the old key's tail (YYYY-MM-DD).
const CYCLE_KEY = `a.applicant_id || '-' || a.association_code || '-' || right(r.subject_key, 10)`;
