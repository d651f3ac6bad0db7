export { MailModule } from './mail.module.js';
export { MAIL_TRANSPORT, createMailTransport, type MailTransport } from './mail-transport.js';
export { EmailLedger, STALE_CLAIM_MS, type DeliveryRow, type DeliveryStatus, type NewDelivery, type RecipientKind, type SentMark, type SuppressionReason, type Undelivered } from './email-ledger.js';
export { deliveryIdFromVerp, verpAddress } from './verp.js';
export { renderEmail, type RenderedEmail } from './templates/render-email.js';
export type { EmailModel } from './templates/email-model.js';
export { EMAIL_TEMPLATE_NAMES, isEmailTemplateName, type EmailTemplateName } from './templates/email-template-names.js';
export { EmailModelError } from './templates/email-model.error.js';
export { deliveryMessageId, senderDomain } from './message-id.js';
