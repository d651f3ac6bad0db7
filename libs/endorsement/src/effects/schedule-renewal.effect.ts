import type { EffectOf } from '#workflow';
import { renewalCycle, renewalCycleKey } from '../renewal/renewal-calendar.js';
import type { EffectContext } from './effect-context.js';

/**
 * The reminders of the cycle that just opened, as rows: one per person's cycle and offset (days
 * before the due day; negative in the late window), so a cycle's reminder goes out once however many
 * endorsements it renews; the row names the endorsement whose effect came first.
 * Reminders whose time has already passed (a cycle opened late) are not owed any more.
 */
export async function scheduleRenewal({ manager, reminders, endorsements, application, association, now }: EffectContext<EffectOf<'renewal.schedule'>>) {
  const dueOn = await endorsements.findRenewalDueOn(application.id, manager);
  const cycle = renewalCycle(dueOn, association.renewal, association.timeZone);
  const due = cycle.reminders
    .filter((r) => r.at > now)
    .map((r) => ({ days: r.late ? -Number(r.key.split('-')[1]) : Number(r.key.split('-')[1]), at: r.at.toISOString() }));
  await reminders.insertRenewalReminders(renewalCycleKey(application.applicant_id, application.association_code, dueOn), application.id, due, now, manager);
  return [];
}
