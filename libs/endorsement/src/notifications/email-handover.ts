import { Injectable, Logger } from '@nestjs/common';
import { JobQueues } from '#queue';

/**
 * Hands emails recorded in the ledger to the queue, after the commit that recorded them. The
 * caller's work is committed by then: a Redis hiccup must not turn it into an error. The ledger
 * rows stay queued and the relay hands them over again (REPUBLISH_AFTER_MS).
 */
@Injectable()
export class EmailHandover {
  private readonly logger = new Logger('EmailHandover');

  constructor(private readonly jobs: JobQueues) {}

  async send(deliveryIds: string[]): Promise<void> {
    await this.jobs
      .addBulk(
        'sendEmail',
        deliveryIds.map((deliveryId) => ({ deliveryId })),
      )
      .catch((e: Error) => this.logger.warn(`enqueue after commit failed, left to the relay: ${e.message}`));
  }
}
