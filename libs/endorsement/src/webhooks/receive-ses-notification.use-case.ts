import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '#config';
import { SnsVerifier, deliveryIdOfMessageId, snsMessageSchema, type SnsMessage } from '#mail';
import { validationProblem } from '#platform';
import { RecordBounce, type BounceNotice, type BounceOutcome } from '../notifications/record-bounce.use-case.js';
import { parseJson } from './parse-json.js';
import { WebhookProblems } from './webhook.problems.js';
import { receiptOf, type WebhookReceipt } from './webhook-receipt.js';

// Amazon SES bounce and complaint notifications (and event publishing's equivalents), the fields we read.
const sesEventSchema = z.looseObject({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  bounce: z
    .looseObject({
      bounceType: z.string(),
      bouncedRecipients: z.array(z.looseObject({ emailAddress: z.string(), status: z.string().optional(), diagnosticCode: z.string().optional() })),
    })
    .optional(),
  complaint: z
    .looseObject({ complainedRecipients: z.array(z.looseObject({ emailAddress: z.string() })), complaintFeedbackType: z.string().optional() })
    .optional(),
  mail: z.looseObject({ headers: z.array(z.object({ name: z.string(), value: z.string() })).optional() }),
});
type SesEvent = z.infer<typeof sesEventSchema>;

/**
 * Amazon SES events delivered by SNS: verified as SNS-signed and from an accepted topic (else 401/403
 * and nothing changes); a subscription is confirmed; a permanent bounce or a complaint goes down the
 * same path as a 5xx at sending. SES must include the original headers in its notifications: the
 * message's X-Delivery-Id and Message-ID name its ledger row.
 */
@Injectable()
export class ReceiveSesNotification {
  private readonly logger = new Logger('SesWebhook');
  private readonly verifier: SnsVerifier;

  constructor(
    private readonly recordBounce: RecordBounce,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.verifier = new SnsVerifier(config.deliverability.snsCertUrlPattern);
  }

  async execute(rawBody: Buffer | undefined): Promise<WebhookReceipt> {
    if (!this.config.deliverability.sesTopicArns.length) throw WebhookProblems.notConfigured('Amazon SES');
    const message = parseSnsMessage(rawBody);
    if (!(await this.verifier.verify(message))) throw WebhookProblems.signatureInvalid('Amazon SNS');
    if (!this.config.deliverability.sesTopicArns.includes(message.TopicArn)) throw WebhookProblems.topicNotAllowed();
    if (message.Type === 'SubscriptionConfirmation') {
      await this.confirm(message);
      return receiptOf([], 1);
    }
    if (message.Type !== 'Notification') return receiptOf([], 1);
    const event = sesEventSchema.safeParse(parseJson(message.Message));
    // SES's first message on a topic is a plain sentence; deliveries and other events need nothing.
    const notices = event.success ? sesNotices(event.data) : [];
    const outcomes: BounceOutcome[] = [];
    for (const notice of notices) outcomes.push(await this.recordBounce.execute(notice));
    return receiptOf(outcomes, notices.length ? 0 : 1);
  }

  private async confirm(message: SnsMessage): Promise<void> {
    // The URL is in the signed fields, and must be Amazon's own like the certificate's.
    if (!message.SubscribeURL || !this.verifier.isAllowedUrl(message.SubscribeURL)) throw WebhookProblems.signatureInvalid('Amazon SNS');
    const response = await fetch(message.SubscribeURL, { redirect: 'error', signal: AbortSignal.timeout(5_000) });
    this.logger.log(`SNS subscription to ${message.TopicArn} confirmed: ${response.status}`);
  }
}

function parseSnsMessage(rawBody: Buffer | undefined): SnsMessage {
  const parsed = snsMessageSchema.safeParse(parseJson(rawBody?.toString('utf8') ?? ''));
  if (!parsed.success) throw validationProblem(parsed.error.issues);
  return parsed.data;
}

function sesNotices(event: SesEvent): BounceNotice[] {
  const type = event.notificationType ?? event.eventType;
  const header = (name: string) => event.mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value ?? null;
  const messageId = header('Message-ID');
  const base = { source: 'Amazon SES', deliveryId: header('X-Delivery-Id'), messageId: messageId && deliveryIdOfMessageId(messageId) ? messageId : null };
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    const recipients = event.bounce.bouncedRecipients;
    const detail = recipients.map((r) => [r.status, r.diagnosticCode].filter(Boolean).join(' ')).join('; ');
    return [{ ...base, kind: 'bounce', recipients: recipients.map((r) => r.emailAddress), detail }];
  }
  if (type === 'Complaint' && event.complaint) {
    const detail = `complaint: ${event.complaint.complaintFeedbackType ?? 'abuse'}`;
    return [{ ...base, kind: 'complaint', recipients: event.complaint.complainedRecipients.map((r) => r.emailAddress), detail }];
  }
  return [];
}
