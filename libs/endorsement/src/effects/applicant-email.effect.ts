import type { EffectOf } from '#workflow';
import type { EffectContext } from './effect-context.js';

/** One step email to the applicant, keyed by the outbox row so it is recorded once. */
export async function applicantEmail({ effect, outboxId, eventId, application }: EffectContext<EffectOf<'email.applicant'>>) {
  return [
    {
      businessKey: `outbox-${outboxId}-applicant`,
      applicationId: application.id,
      template: effect.template,
      recipientKind: 'applicant' as const,
      recipientEmail: application.applicant_email,
      recipientName: application.applicant_name,
      context: { eventId },
    },
  ];
}
