import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { ProblemException } from '#platform';

export interface SetRegistryListingCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  listed: boolean;
}

/** An endorsee chooses whether the public registry shows their endorsement. */
@Injectable()
export class SetRegistryListing {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: SetRegistryListingCommand): Promise<{ applicationId: string; listed: boolean }> {
    const [[row]] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE applications SET registry_listed = $3 WHERE id = $1 AND applicant_id = $2 AND state IN ('endorsed', 'renewal_due') RETURNING id`,
      [command.applicationId, command.caller.personId, command.listed],
    );
    if (row) return { applicationId: row.id, listed: command.listed };
    const [own] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM applications WHERE id = $1 AND applicant_id = $2`, [command.applicationId, command.caller.personId]);
    // Someone else's application: the same 404 as one that does not exist.
    if (!own) throw new ProblemException(404, 'application_not_found', 'Application not found', 'You have no application with this id.');
    throw new ProblemException(409, 'not_endorsed', 'Not endorsed', 'Only an endorsement in good standing can be listed in the registry.');
  }
}
