import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { EmailDeliveriesRepository } from '#mail';
import { ProblemException } from '#platform';
import { StaffQueueRepository } from './staff-queue.repository.js';

export interface ClearEmailSuppressionCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  /** An email of the application whose address is to be sent to again. */
  emailId: string;
}

/**
 * Staff give an address anew (its owner fixed their mailbox, or reported our mail as spam by
 * mistake): emails to it are sent again from now on. The address is named by one of the
 * application's emails, so staff reach only addresses their association's applications use.
 */
@Injectable()
export class ClearEmailSuppression {
  constructor(
    private readonly ledger: EmailDeliveriesRepository,
    private readonly staffQueue: StaffQueueRepository,
  ) {}

  async execute(command: ClearEmailSuppressionCommand): Promise<void> {
    const app = await this.staffQueue.findStaffApplication(command.caller, command.applicationId);
    const recipientEmail = await this.ledger.findRecipientEmail(command.emailId, app.id);
    if (recipientEmail === undefined) throw new ProblemException(404, 'email_not_found', 'Email not found', 'This application has no email with this id.');
    await this.ledger.unsuppress(recipientEmail);
  }
}
