import { verify } from 'node:crypto';
import { z } from 'zod';

/** An Amazon SNS HTTP(S) delivery, as SNS posts it (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html). */
export const snsMessageSchema = z.object({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string().max(200),
  TopicArn: z.string().max(300),
  Subject: z.string().max(1000).optional(),
  Message: z.string().max(256 * 1024),
  Timestamp: z.string().max(100),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().max(2000),
  SigningCertURL: z.string().max(2000),
  SubscribeURL: z.string().max(2000).optional(),
  UnsubscribeURL: z.string().max(2000).optional(),
  Token: z.string().max(2000).optional(),
});
export type SnsMessage = z.infer<typeof snsMessageSchema>;

// The fields signed, in this order, per message type (those absent from a message are left out).
const SIGNED_FIELDS: Record<SnsMessage['Type'], (keyof SnsMessage)[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

const CERT_FETCH_TIMEOUT_MS = 5_000;
const MAX_CACHED_CERTS = 20;

/**
 * Checks that a message comes from Amazon SNS: its signing certificate is fetched only from a URL the
 * configured pattern allows (Amazon's own hosts by default, so a forger cannot name a certificate of
 * their own), and the signature over the signed fields is verified against it (SHA1withRSA for
 * version 1, SHA256withRSA for 2). Certificates are cached by URL.
 */
export class SnsVerifier {
  private readonly certs = new Map<string, Promise<string>>();
  private readonly allowed: RegExp;

  constructor(certUrlPattern: string) {
    this.allowed = new RegExp(certUrlPattern);
  }

  /** Whether a URL SNS names (certificate, subscription confirmation) is one of the allowed hosts'. */
  isAllowedUrl(url: string): boolean {
    return this.allowed.test(url);
  }

  async verify(message: SnsMessage): Promise<boolean> {
    if (!this.isAllowedUrl(message.SigningCertURL)) return false;
    let cert: string;
    try {
      cert = await this.cert(message.SigningCertURL);
    } catch {
      return false;
    }
    const signed = SIGNED_FIELDS[message.Type]
      .filter((f) => message[f] !== undefined)
      .map((f) => `${f}\n${message[f]}\n`)
      .join('');
    try {
      return verify(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256', Buffer.from(signed, 'utf8'), cert, Buffer.from(message.Signature, 'base64'));
    } catch {
      return false;
    }
  }

  private cert(url: string): Promise<string> {
    let cert = this.certs.get(url);
    if (!cert) {
      if (this.certs.size >= MAX_CACHED_CERTS) this.certs.clear();
      cert = fetchCertificate(url);
      this.certs.set(url, cert);
      // A failed fetch is not cached: the next message tries again.
      cert.catch(() => this.certs.delete(url));
    }
    return cert;
  }
}

async function fetchCertificate(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(CERT_FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`certificate fetch answered ${response.status}`);
  const pem = await response.text();
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('not a PEM certificate');
  return pem;
}
