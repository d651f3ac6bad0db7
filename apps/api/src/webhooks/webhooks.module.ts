import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { DeliveryWebhooksController } from './delivery-webhooks.controller.js';

/** POST /webhooks/ses and /webhooks/sendgrid: providers' bounce and complaint events, each verified. */
@Module({
  imports: [EndorsementModule],
  controllers: [DeliveryWebhooksController],
})
export class WebhooksModule {}
