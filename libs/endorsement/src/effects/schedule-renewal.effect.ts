import type { EffectOf } from '#workflow';
import { renewalCycle, renewalCycleKey } from '../renewal/renewal-calendar.js';
import type { EffectContext } from './effect-context.js';

/**
 * The reminders of the cycle that just opened, as rows: one per person's cycle and offset (days
 * before the due day; negative in the late window), so a cycle's reminder goes out once however many
 * endorsements it renews; the row names the endorsement whose effect came first.
 * Reminders whose time has already passed (a cycle opened late) are not owed any more.
 */
export async function scheduleRenewal({ manager, application, association, now }: EffectContext<EffectOf<'renewal.schedule'>>) {
  const [{ due_on: dueOn }] = await manager.query<{ due_on: string }[]>(`SELECT to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications WHERE id = $1`, [
    application.id,
  ]);
  const { reminders } = renewalCycle(dueOn, association.renewal, association.timeZone);
  const due = reminders
    .filter((r) => r.at > now)
    .map((r) => ({ days: r.late ? -Number(r.key.split('-')[1]) : Number(r.key.split('-')[1]), at: r.at.toISOString() }));
  await manager.query(
    `INSERT INTO reminders (kind, subject_key, application_id, offset_days, due_at, created_at)
     SELECT 'renewal_reminder', $1::text, $2::uuid, (r->>'days')::int, (r->>'at')::timestamptz, $3
       FROM jsonb_array_elements($4::jsonb) AS r
     ON CONFLICT (kind, subject_key, offset_days) DO NOTHING`,
    [renewalCycleKey(application.applicant_id, application.association_code, dueOn), application.id, now, JSON.stringify(due)],
  );
  return [];
}
