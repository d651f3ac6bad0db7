import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReplaceRaterAddress } from '../references/replace-rater-address.use-case.js';
import { findOwnApplication } from './own-application.js';

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
    private readonly dataSource: DataSource,
    private readonly replaceRaterAddress: ReplaceRaterAddress,
  ) {}

  async execute(command: ChangeRaterEmailCommand): Promise<{ referenceId: string }> {
    const app = await findOwnApplication(this.dataSource, command.personId, command.applicationId);
    return this.replaceRaterAddress.execute({ applicationId: app.id, referenceId: command.referenceId, raterEmail: command.email, raterName: command.raterName });
  }
}
