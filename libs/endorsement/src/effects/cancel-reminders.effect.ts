import type { EffectOf } from '#workflow';
import type { EffectContext } from './effect-context.js';

const KINDS: Record<EffectOf<'reminders.cancel'>['scope'], string[]> = {
  references: ['reference_reminder', 'reference_overdue'],
  renewal: ['renewal_reminder'],
  all: ['reference_reminder', 'reference_overdue', 'renewal_reminder'],
};

/** Reminders of a finished step stop: pending rows are cancelled, so no sweep fires them. */
export async function cancelReminders({ manager, reminders, effect, application }: EffectContext<EffectOf<'reminders.cancel'>>) {
  await reminders.cancelPending(application.id, KINDS[effect.scope], manager);
  return [];
}
