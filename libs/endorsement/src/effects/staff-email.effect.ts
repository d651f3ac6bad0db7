import type { EffectOf } from '#workflow';
import type { EffectContext } from './effect-context.js';

/** A notice to the association's endorsement staff (its coordinator inbox until staff accounts exist). */
export async function staffEmail({ effect, outboxId, eventId, application, association }: EffectContext<EffectOf<'email.staff'>>) {
  return [
    {
      businessKey: `outbox-${outboxId}-${effect.audience}`,
      applicationId: application.id,
      template: effect.template,
      recipientKind: effect.audience === 'administrator' ? ('administrator' as const) : ('coordinator' as const),
      recipientEmail: association.coordinatorEmail,
      recipientName: `${association.name} endorsement team`,
      context: { eventId },
    },
  ];
}
