import { Injectable } from '@nestjs/common';
import { JobQueues, PermanentJobError } from '#queue';
import { SendEmail } from './send-email.use-case.js';

/**
 * Sends freshly recorded emails at once, from the job that recorded them, and hands to the mail
 * queue only those that could not go (BullMQ then retries them with backoff). Saves a queue round
 * per email on the common path; a crash mid-way leaves ledger rows the relay hands over again.
 */
@Injectable()
export class DeliverEmails {
  constructor(
    private readonly sendEmail: SendEmail,
    private readonly jobs: JobQueues,
  ) {}

  async now(deliveryIds: readonly string[]): Promise<void> {
    const retry: string[] = [];
    await Promise.all(
      deliveryIds.map(async (deliveryId) => {
        try {
          await this.sendEmail.execute(deliveryId);
        } catch (error) {
          // Permanent failures are recorded by SendEmail; everything else goes to the queue's retries.
          if (!(error instanceof PermanentJobError)) retry.push(deliveryId);
        }
      }),
    );
    await this.jobs.addBulk('sendEmail', retry.map((deliveryId) => ({ deliveryId })));
  }
}
