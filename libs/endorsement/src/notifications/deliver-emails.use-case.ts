import { Injectable, Logger } from '@nestjs/common';
import { JobQueues, redactAddresses } from '#queue';
import { SendEmail } from './send-email.use-case.js';

/**
 * Sends freshly recorded emails at once, from the job that recorded them (one claim and one model
 * query for all of them), and hands to the mail queue only those that could not go: BullMQ then
 * retries each on its own, with backoff, so one bad address neither fails nor re-sends the others.
 * A crash mid-way leaves ledger rows the relay hands over again.
 */
@Injectable()
export class DeliverEmails {
  private readonly logger = new Logger('DeliverEmails');

  constructor(
    private readonly sendEmail: SendEmail,
    private readonly jobs: JobQueues,
  ) {}

  async now(deliveryIds: readonly string[]): Promise<void> {
    if (!deliveryIds.length) return;
    let retry: readonly string[];
    try {
      retry = await this.sendEmail.executeMany(deliveryIds);
    } catch (error) {
      // PostgreSQL failed us mid-way: the mail queue's jobs re-check each row and send what is left.
      this.logger.warn(`sending ${deliveryIds.length} emails at once failed, left to the mail queue: ${redactAddresses((error as Error).message)}`);
      retry = deliveryIds;
    }
    await this.jobs.addBulk(
      'sendEmail',
      retry.map((deliveryId) => ({ deliveryId })),
    );
  }
}
