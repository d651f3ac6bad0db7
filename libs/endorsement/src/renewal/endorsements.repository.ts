import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Endorsements and renewals (the endorsement columns of applications), endorsement_sequences, credential status, registry and outlook reads. */
@Injectable()
export class EndorsementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The number the application was endorsed under before (kept on reinstatement), else null. */
  async findEndorsementNumber(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [current] = await manager.query<{ endorsement_number: string | null }[]>(`SELECT endorsement_number FROM applications WHERE id = $1`, [applicationId]);
    return current.endorsement_number;
  }

  /** The association's next endorsement sequence value (1 for its first). */
  async nextEndorsementSequence(associationCode: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [seq] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO endorsement_sequences (association_code, last_value) VALUES ($1, 1)
       ON CONFLICT (association_code) DO UPDATE SET last_value = endorsement_sequences.last_value + 1 RETURNING last_value`,
      [associationCode],
    );
    return seq.last_value;
  }

  /** The earliest renewal due day (YYYY-MM-DD) of the applicant's other current endorsements, else null. */
  async findHeldCycleDueOn(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [held] = await manager.query<{ due_on: string | null }[]>(
      `SELECT to_char(min(o.renewal_due_on), 'YYYY-MM-DD') AS due_on FROM applications o JOIN applications a ON a.applicant_id = o.applicant_id
        WHERE a.id = $1 AND o.id <> a.id AND o.state IN ('endorsed', 'renewal_due')`,
      [applicationId],
    );
    return held.due_on;
  }

  /** Records the endorsement: its number, when, and its renewal due day (YYYY-MM-DD). */
  async recordEndorsement(applicationId: string, endorsementNumber: string, endorsedAt: Date, renewalDueOn: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE applications SET endorsement_number = $2, endorsed_at = $3, renewal_due_on = $4::date WHERE id = $1`, [
      applicationId,
      endorsementNumber,
      endorsedAt,
      renewalDueOn,
    ]);
  }

  /** Takes the endorsement out of the public registry. */
  async unlistFromRegistry(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE applications SET registry_listed = false WHERE id = $1`, [applicationId]);
  }

  /** The endorsement's renewal due day (YYYY-MM-DD). */
  async findRenewalDueOn(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ due_on: dueOn }] = await manager.query<{ due_on: string }[]>(`SELECT to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications WHERE id = $1`, [
      applicationId,
    ]);
    return dueOn;
  }
}
