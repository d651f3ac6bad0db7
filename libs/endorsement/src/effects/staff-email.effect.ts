import type { EffectOf } from '#workflow';
import { staffRecipients } from '../notifications/staff-recipients.js';
import type { EffectContext } from './effect-context.js';

/** A notice to the association's staff: the people concerned, or its team inbox when there are none. */
export async function staffEmail({ manager, effect, outboxId, eventId, application, association, emailModels }: EffectContext<EffectOf<'email.staff'>>) {
  const kind = effect.audience === 'administrator' ? ('administrator' as const) : ('coordinator' as const);
  const recipients = await staffRecipients(emailModels, application.id, kind, association, manager);
  return recipients.map((to) => ({
    businessKey: `outbox-${outboxId}-${effect.audience}${to.accountId ? `-${to.accountId}` : ''}`,
    applicationId: application.id,
    template: effect.template,
    recipientKind: kind,
    recipientEmail: to.email,
    recipientName: to.name,
    context: { eventId },
  }));
}
