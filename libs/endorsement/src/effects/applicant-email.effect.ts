import type { EffectOf } from '#workflow';
import { renewalCycleKey } from '../renewal/renewal-calendar.js';
import type { EffectContext } from './effect-context.js';

/**
 * One step email to the applicant, keyed by the outbox row so it is recorded once. A renewal step
 * moves all of a person's endorsements of the cycle at once: its email is keyed by the cycle, so the
 * person gets one, naming every category (see EmailModelBuilder).
 */
export async function applicantEmail({ effect, outboxId, eventId, cycleDueOn, application }: EffectContext<EffectOf<'email.applicant'>>) {
  const cycle = cycleDueOn && renewalCycleKey(application.applicant_id, application.association_code, cycleDueOn);
  return [
    {
      businessKey: cycle ? `renewal-${effect.template}-${cycle}` : `outbox-${outboxId}-applicant`,
      applicationId: application.id,
      template: effect.template,
      recipientKind: 'applicant' as const,
      recipientEmail: application.applicant_email,
      recipientName: application.applicant_name,
      context: { eventId },
    },
  ];
}
