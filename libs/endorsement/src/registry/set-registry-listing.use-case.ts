import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { ProblemException } from '#platform';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';

export interface SetRegistryListingCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  listed: boolean;
}

/** An endorsee chooses whether the public registry shows their endorsement. */
@Injectable()
export class SetRegistryListing {
  constructor(private readonly endorsements: EndorsementsRepository) {}

  async execute(command: SetRegistryListingCommand): Promise<{ applicationId: string; listed: boolean }> {
    const id = await this.endorsements.setRegistryListed(command.applicationId, command.caller.personId, command.listed);
    if (id) return { applicationId: id, listed: command.listed };
    // Someone else's application: the same 404 as one that does not exist.
    if (!(await this.endorsements.isApplicants(command.applicationId, command.caller.personId)))
      throw new ProblemException(404, 'application_not_found', 'Application not found', 'You have no application with this id.');
    throw new ProblemException(409, 'not_endorsed', 'Not endorsed', 'Only an endorsement in good standing can be listed in the registry.');
  }
}
