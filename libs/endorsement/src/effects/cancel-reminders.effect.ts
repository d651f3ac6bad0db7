import type { EffectOf } from '#workflow';
import type { EffectContext } from './effect-context.js';

const KINDS: Record<EffectOf<'reminders.cancel'>['scope'], string[]> = {
  references: ['reference_reminder', 'reference_overdue'],
  renewal: ['renewal_reminder'],
  all: ['reference_reminder', 'reference_overdue', 'renewal_reminder'],
};

/** Reminders of a finished step stop: pending rows are cancelled, so no sweep fires them. */
export async function cancelReminders({ manager, effect, application }: EffectContext<EffectOf<'reminders.cancel'>>) {
  await manager.query(`UPDATE reminders SET status = 'cancelled' WHERE application_id = $1 AND status = 'pending' AND kind = ANY($2)`, [
    application.id,
    KINDS[effect.scope],
  ]);
  return [];
}
