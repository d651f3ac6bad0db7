import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import type { Role } from '#workflow';
import { staffAssociation } from './staff-scope.js';
import { StaffQueueRepository } from './staff-queue.repository.js';

export interface Colleague {
  id: string;
  name: string;
  associationCode: string | null;
  roles: Role[];
}

/**
 * The staff of the caller's association holding a role, by name: the reviewers a panel is seated
 * from, the coordinators an application is handed to. Never another association's people.
 */
@Injectable()
export class ListColleagues {
  constructor(private readonly staffQueue: StaffQueueRepository) {}

  async execute(command: { caller: AuthenticatedAccount; role: Role; association?: string }): Promise<{ colleagues: Colleague[] }> {
    const association = staffAssociation(command.caller, command.association);
    const colleagues = await this.staffQueue.listColleagues(command.role, association);
    return { colleagues };
  }
}
