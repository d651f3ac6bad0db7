import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { ReplaceRaterAddress } from '../references/replace-rater-address.use-case.js';
import { StaffQueueRepository } from './staff-queue.repository.js';

export interface ReplaceRaterForApplicantCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  referenceId: string;
  email: string;
  raterName?: string;
}

/**
 * A coordinator or administrator gives a rater a new address for the applicant (say, after checking it
 * by phone when an email bounced): the applicant's own change, with the same checks and limits, and
 * the staff member named on the audit timeline. Another association's application answers 404.
 */
@Injectable()
export class ReplaceRaterForApplicant {
  constructor(
    private readonly staffQueue: StaffQueueRepository,
    private readonly replaceRaterAddress: ReplaceRaterAddress,
  ) {}

  async execute(command: ReplaceRaterForApplicantCommand): Promise<{ referenceId: string }> {
    const app = await this.staffQueue.findStaffApplication(command.caller, command.applicationId);
    return this.replaceRaterAddress.execute({
      applicationId: app.id,
      referenceId: command.referenceId,
      raterEmail: command.email,
      raterName: command.raterName,
      staffAccountId: command.caller.id,
    });
  }
}
