import type { EffectOf } from '#workflow';
import { firstDueOn } from '../renewal/renewal-calendar.js';
import type { EffectContext } from './effect-context.js';

/**
 * Issues the endorsement: a number (association prefix + its own sequence, kept on reinstatement),
 * the endorsement date, and the first renewal due date (see firstDueOn).
 */
export async function issueEndorsement({ manager, application, association, now }: EffectContext<EffectOf<'endorsement.issue'>>) {
  const [current] = await manager.query<{ endorsement_number: string | null }[]>(`SELECT endorsement_number FROM applications WHERE id = $1`, [application.id]);
  let number = current.endorsement_number;
  if (!number) {
    const [seq] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO endorsement_sequences (association_code, last_value) VALUES ($1, 1)
       ON CONFLICT (association_code) DO UPDATE SET last_value = endorsement_sequences.last_value + 1 RETURNING last_value`,
      [association.code],
    );
    number = `${association.endorsementNumberPrefix}-${String(seq.last_value).padStart(6, '0')}`;
  }
  // A person renews once a cycle for all their categories: a further endorsement joins their cycle.
  const [held] = await manager.query<{ due_on: string | null }[]>(
    `SELECT to_char(min(o.renewal_due_on), 'YYYY-MM-DD') AS due_on FROM applications o JOIN applications a ON a.applicant_id = o.applicant_id
      WHERE a.id = $1 AND o.id <> a.id AND o.state IN ('endorsed', 'renewal_due')`,
    [application.id],
  );
  await manager.query(`UPDATE applications SET endorsement_number = $2, endorsed_at = $3, renewal_due_on = $4::date WHERE id = $1`, [
    application.id,
    number,
    now,
    held.due_on ?? firstDueOn(now, association.renewal, association.timeZone),
  ]);
  return [];
}
