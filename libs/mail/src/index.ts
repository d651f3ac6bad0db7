export { MailModule } from './mail.module.js';
export { MAIL_TRANSPORT, createMailTransport, type MailTransport } from './mail-transport.js';
export {
  EmailDeliveriesRepository,
  STALE_CLAIM_MS,
  type ApplicantDeliveryRow,
  type DeliveryRow,
  type DeliveryStatus,
  type NewDelivery,
  type RecipientKind,
  type ReportedDelivery,
  type SentMark,
  type SuppressionReason,
  type Undelivered,
} from './email-deliveries.repository.js';
export { deliveryIdFromVerp, verpAddress } from './verp.js';
export { renderEmail, type RenderedEmail } from './templates/render-email.js';
export type { EmailModel } from './templates/email-model.js';
export { EMAIL_TEMPLATE_NAMES, isEmailTemplateName, type EmailTemplateName } from './templates/email-template-names.js';
export { EmailModelError } from './templates/email-model.error.js';
export { deliveryIdOfMessageId, deliveryMessageId, senderDomain } from './message-id.js';
export { parseBounceReport, type BounceReport } from './bounces/parse-bounce-report.js';
export { BounceReceiver, type ReportHandler } from './bounces/bounce-receiver.js';
export { SnsVerifier, snsMessageSchema, type SnsMessage } from './webhooks/sns-verifier.js';
export { isSendgridSignatureValid } from './webhooks/sendgrid-signature.js';
