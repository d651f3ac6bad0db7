import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import type { Role } from '#workflow';
import { staffAssociation } from './staff-scope.js';

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
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: { caller: AuthenticatedAccount; role: Role; association?: string }): Promise<{ colleagues: Colleague[] }> {
    const association = staffAssociation(command.caller, command.association);
    const colleagues = await this.dataSource.query<Colleague[]>(
      `SELECT a.id, p.full_name AS name, a.association_code AS "associationCode", a.roles
         FROM accounts a JOIN people p ON p.id = a.person_id
        WHERE $1 = ANY (a.roles) AND ($2::text IS NULL OR a.association_code = $2)
        ORDER BY p.full_name, a.id`,
      [command.role, association],
    );
    return { colleagues };
  }
}
