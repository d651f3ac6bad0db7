import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The renewal sweep reads endorsements by association, state and due day, in due-day order. */
export class RenewalSweep1764100000000 implements MigrationInterface {
  name = 'RenewalSweep1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX applications_renewal_idx ON applications (association_code, state, renewal_due_on, id) WHERE state IN ('endorsed', 'renewal_due')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX applications_renewal_idx`);
  }
}
