import nodemailer, { type Transporter, type TransportOptions } from 'nodemailer';
import type { AppConfig } from '#config';
import { senderDomain } from './message-id.js';

export type MailTransport = Transporter;
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/**
 * One pooled SMTP transport per process. `maxRequeues: 0`: nodemailer must not retry on its own;
 * retries belong to BullMQ, where they are counted, backed off and survive a crash. With a DKIM key,
 * every message is signed for the sending domain (MAIL_FROM's unless DKIM_DOMAIN says otherwise), so
 * receivers can check it came from us and DMARC passes on alignment.
 */
export function createMailTransport(smtp: AppConfig['smtp'], dkim: AppConfig['deliverability']['dkim'] = null): MailTransport {
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 5,
    maxRequeues: 0,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 30_000,
    // Local catchers and test servers speak plain SMTP; real relays negotiate STARTTLS.
    ignoreTLS: !smtp.secure && ['127.0.0.1', 'localhost', '::1'].includes(smtp.host),
    dkim: dkim ? { domainName: dkim.domain ?? senderDomain(smtp.from), keySelector: dkim.selector, privateKey: dkim.privateKey } : undefined,
  } as TransportOptions);
}
