import { createHash } from 'node:crypto';
import type { DeliveryRow } from './email-deliveries.repository.js';

/**
 * The Message-ID of a ledger row, the same on every send of it (across retries, crashes and
 * processes): a message sent again after a crash carries the Message-ID of its first send, so mail
 * systems that deduplicate by it show it once. Made of the row id and a hash binding it to the row's
 * business key: nothing personal, and no other row's id can be derived from it.
 */
export function deliveryMessageId(delivery: Pick<DeliveryRow, 'id' | 'business_key'>, domain: string): string {
  const hash = createHash('sha256').update(`${delivery.id}\n${delivery.business_key}`).digest('hex').slice(0, 16);
  return `<ledger-${delivery.id}.${hash}@${domain}>`;
}

/** The domain of the sender address (MAIL_FROM, e.g. `Endorsement <no-reply@example.org>`), as nodemailer would take it. */
export function senderDomain(from: string): string {
  return /@([^\s<>@]+?)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

const LEDGER_MESSAGE_ID = /^<?ledger-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[0-9a-f]{16}@[^\s<>@]+>?$/i;

/** The ledger row a Message-ID of ours names (the caller checks it against the row's recorded one). */
export function deliveryIdOfMessageId(messageId: string): string | null {
  return LEDGER_MESSAGE_ID.exec(messageId.trim())?.[1]?.toLowerCase() ?? null;
}
