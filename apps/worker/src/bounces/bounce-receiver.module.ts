import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { BounceReceiverService } from './bounce-receiver.service.js';

/** The inbound SMTP server for bounces and abuse reports; the worker imports it only when BOUNCE_SMTP_PORT is set. */
@Module({ imports: [EndorsementModule], providers: [BounceReceiverService] })
export class BounceReceiverModule {}
