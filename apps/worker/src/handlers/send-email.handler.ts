import { Injectable } from '@nestjs/common';
import { SendEmail } from '#endorsement';
import type { JobHandler, PayloadOf } from '#queue';

@Injectable()
export class SendEmailHandler implements JobHandler<'sendEmail'> {
  readonly job = 'sendEmail' as const;

  constructor(private readonly sendEmail: SendEmail) {}

  handle({ deliveryId }: PayloadOf<'sendEmail'>): Promise<void> {
    return this.sendEmail.execute(deliveryId);
  }

  onGiveUp({ deliveryId }: PayloadOf<'sendEmail'>, error: Error): Promise<void> {
    return this.sendEmail.giveUp(deliveryId, error.message);
  }
}
