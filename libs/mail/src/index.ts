export { MailModule } from './mail.module.js';
export { MAIL_TRANSPORT, createMailTransport, type MailTransport } from './mail-transport.js';
