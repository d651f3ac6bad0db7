import { verify } from 'node:crypto';

/**
 * SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256) signature, base64 DER, over the
 * timestamp header followed by the body exactly as sent.
 */
export function isSendgridSignatureValid(publicKeyPem: string, signature: string | undefined, timestamp: string | undefined, rawBody: Buffer): boolean {
  if (!signature || !timestamp) return false;
  try {
    return verify('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), publicKeyPem, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
