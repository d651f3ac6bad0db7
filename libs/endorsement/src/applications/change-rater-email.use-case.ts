import { Injectable } from '@nestjs/common';
import { ReplaceRaterAddress } from '../references/replace-rater-address.use-case.js';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository } from './applications.repository.js';

export interface ChangeRaterEmailCommand {
  personId: string;
  applicationId: string;
  referenceId: string;
  email: string;
  /** Another rater for the role, when the form could not count. */
  raterName?: string;
}

/** The applicant corrects a rater's address, or names another rater, on their own application; ReplaceRaterAddress does the rest. */
@Injectable()
export class ChangeRaterEmail {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly replaceRaterAddress: ReplaceRaterAddress,
  ) {}

  async execute(command: ChangeRaterEmailCommand): Promise<{ referenceId: string }> {
    const app = await this.applications.findOwn(command.personId, command.applicationId);
    if (!app) throw applicationNotFound();
    return this.replaceRaterAddress.execute({
      applicationId: app.id,
      referenceId: command.referenceId,
      raterEmail: command.email,
      raterName: command.raterName,
    });
  }
}
