import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { EmailDeliveriesRepository } from '#mail';
import { ProblemException } from '#platform';
import { findStaffApplication } from './find-staff-application.js';

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
    private readonly dataSource: DataSource,
    private readonly ledger: EmailDeliveriesRepository,
  ) {}

  async execute(command: ClearEmailSuppressionCommand): Promise<void> {
    const app = await findStaffApplication(this.dataSource, command.caller, command.applicationId);
    const [email] = await this.dataSource.query<{ recipient_email: string }[]>(`SELECT recipient_email FROM email_deliveries WHERE id = $1 AND application_id = $2`, [command.emailId, app.id]);
    if (!email) throw new ProblemException(404, 'email_not_found', 'Email not found', 'This application has no email with this id.');
    await this.ledger.unsuppress(this.dataSource.manager, email.recipient_email);
  }
}
