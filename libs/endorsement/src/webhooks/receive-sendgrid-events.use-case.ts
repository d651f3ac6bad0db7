import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '#config';
import { isSendgridSignatureValid } from '#mail';
import { validationProblem } from '#platform';
import { RecordBounce, type BounceNotice, type BounceOutcome } from '../notifications/record-bounce.use-case.js';
import { parseJson } from './parse-json.js';
import { WebhookProblems } from './webhook.problems.js';
import { receiptOf, type WebhookReceipt } from './webhook-receipt.js';

// SendGrid Event Webhook events, the fields we read; `smtp-id` is the Message-ID the message was sent with.
const sendgridEventsSchema = z
  .array(
    z.looseObject({
      email: z.string().max(320),
      event: z.string().max(50),
      type: z.string().max(50).optional(),
      reason: z.string().max(2000).optional(),
      status: z.string().max(50).optional(),
      'smtp-id': z.string().max(998).optional(),
    }),
  )
  .max(5000);
type SendgridEvent = z.infer<typeof sendgridEventsSchema>[number];

export interface SendgridDelivery {
  rawBody: Buffer | undefined;
  signature: string | undefined;
  timestamp: string | undefined;
}

/**
 * SendGrid's signed Event Webhook: verified against the configured key over the body as sent (else
 * 401 and nothing changes); a bounce (not a temporary block) or a spam report goes down the same path
 * as a 5xx at sending, the ledger row found by the Message-ID the event carries.
 */
@Injectable()
export class ReceiveSendgridEvents {
  constructor(
    private readonly recordBounce: RecordBounce,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(delivery: SendgridDelivery): Promise<WebhookReceipt> {
    const key = this.config.deliverability.sendgridPublicKey;
    if (!key) throw WebhookProblems.notConfigured('SendGrid');
    if (!delivery.rawBody || !isSendgridSignatureValid(key, delivery.signature, delivery.timestamp, delivery.rawBody))
      throw WebhookProblems.signatureInvalid('SendGrid');
    const events = sendgridEventsSchema.safeParse(parseJson(delivery.rawBody.toString('utf8')));
    if (!events.success) throw validationProblem(events.error.issues);
    const notices = events.data.map(sendgridNotice).filter((n): n is BounceNotice => !!n);
    const outcomes: BounceOutcome[] = [];
    for (const notice of notices) outcomes.push(await this.recordBounce.execute(notice));
    return receiptOf(outcomes, events.data.length - notices.length);
  }
}

function sendgridNotice(event: SendgridEvent): BounceNotice | null {
  const bounce = event.event === 'bounce' && event.type !== 'blocked';
  if (!bounce && event.event !== 'spamreport') return null;
  const messageId = event['smtp-id'] ?? null;
  return {
    source: 'SendGrid',
    kind: bounce ? 'bounce' : 'complaint',
    deliveryId: null,
    messageId,
    recipients: [event.email],
    detail: bounce ? [event.status, event.reason].filter(Boolean).join(' ') : 'spam report',
  };
}
