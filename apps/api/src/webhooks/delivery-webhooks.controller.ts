import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { Request } from 'express';
import type { z } from 'zod';
import { Public } from '#auth';
import { ReceiveSendgridEvents, ReceiveSesNotification } from '#endorsement';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { webhookReceiptResponse } from './dto/webhook.responses.js';

type Receipt = Promise<z.output<typeof webhookReceiptResponse>>;

// The providers' formats as they document them; only the fields read are listed (they send more).
const SNS_MESSAGE: SchemaObject = {
  type: 'object',
  required: ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL'],
  properties: Object.fromEntries(
    ['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'SubscribeURL', 'Token'].map(
      (name) => [name, { type: 'string' }],
    ),
  ),
};
const SENDGRID_EVENTS: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    required: ['email', 'event'],
    properties: Object.fromEntries(['email', 'event', 'type', 'reason', 'status', 'smtp-id'].map((name) => [name, { type: 'string' }])),
  },
};

/**
 * Bounce and complaint events from email providers. No account: each request is verified by its
 * provider's signature over the body exactly as sent (kept as rawBody), so the body is read raw here
 * rather than through a schema pipe; the use case parses it once verified.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class DeliveryWebhooksController {
  constructor(
    private readonly ses: ReceiveSesNotification,
    private readonly sendgrid: ReceiveSendgridEvents,
  ) {}

  @Post('ses')
  @HttpCode(200)
  @ApiConsumes('text/plain', 'application/json')
  @ApiBody({ description: 'An Amazon SNS message (JSON; SNS sends it as text/plain) carrying an Amazon SES notification.', schema: SNS_MESSAGE })
  @ApiContract({
    id: 'receiveSesNotification',
    summary: 'Receive Amazon SES bounces and complaints (via SNS)',
    description:
      'Subscribe this URL (HTTPS) to the SNS topics of your SES bounce and complaint notifications, with original headers included, and list the topics in SES_SNS_TOPIC_ARNS. ' +
      'Each message is verified: signed by SNS (certificate from an Amazon host) and from an accepted topic; a subscription is confirmed. ' +
      'A permanent bounce or a complaint marks the message bounced and suppresses the address, as a refusal at sending does.',
    returns: webhookReceiptResponse,
    problems: { 400: ['validation_failed'], 401: ['webhook_signature_invalid'], 403: ['webhook_topic_not_allowed'], 404: ['webhook_not_configured'] },
  })
  receiveSes(@Req() req: RawBodyRequest<Request>): Receipt {
    return this.ses.execute(req.rawBody);
  }

  @Post('sendgrid')
  @HttpCode(200)
  @ApiHeader({
    name: 'X-Twilio-Email-Event-Webhook-Signature',
    required: true,
    description: 'ECDSA signature (base64) over the timestamp and the body.',
    schema: { type: 'string' },
  })
  @ApiHeader({
    name: 'X-Twilio-Email-Event-Webhook-Timestamp',
    required: true,
    description: 'The signing time, as SendGrid sends it.',
    schema: { type: 'string' },
  })
  @ApiBody({ description: 'SendGrid Event Webhook events.', schema: SENDGRID_EVENTS })
  @ApiContract({
    id: 'receiveSendgridEvents',
    summary: 'Receive SendGrid bounces and spam reports',
    description:
      "Point SendGrid's signed Event Webhook here and put its verification key in SENDGRID_WEBHOOK_PUBLIC_KEY. " +
      'A bounce (not a temporary block) or a spam report marks the message bounced and suppresses the address, as a refusal at sending does.',
    returns: webhookReceiptResponse,
    problems: { 400: ['validation_failed'], 401: ['webhook_signature_invalid'], 404: ['webhook_not_configured'] },
  })
  receiveSendgrid(
    @Req() req: RawBodyRequest<Request>,
    @Headers('x-twilio-email-event-webhook-signature') signature: string | undefined,
    @Headers('x-twilio-email-event-webhook-timestamp') timestamp: string | undefined,
  ): Receipt {
    return this.sendgrid.execute({ rawBody: req.rawBody, signature, timestamp });
  }
}
