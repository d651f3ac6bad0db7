import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { isUniqueViolation } from '../../accounts/is-unique-violation.js';
import { AuthProblems } from '../../auth.problems.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';

/** Validated at the edge: email well-formed, password and name within bounds. */
export interface RegisterApplicantCommand {
  email: string;
  password: string;
  fullName: string;
  associationCode: string;
}

/**
 * An applicant opens an account with one association: a person and their account, in one
 * transaction. An address already known (as an account or a person) is refused, never merged:
 * without a verified address, merging would hand someone else's applications to the registrant.
 */
@Injectable()
export class RegisterApplicant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: RegisterApplicantCommand): Promise<{ accountId: string }> {
    if (!this.framework.associations.has(command.associationCode)) {
      throw AuthProblems.invalidField('associationCode', 'is not an association of this system');
    }
    const passwordHash = await this.hasher.hash(command.password);
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [person] = (await manager.query(`INSERT INTO people (association_code, email, full_name, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
          command.associationCode,
          command.email,
          command.fullName,
          now,
        ])) as { id: string }[];
        const [account] = (await manager.query(
          `INSERT INTO accounts (person_id, email, password_hash, roles, association_code, created_at, updated_at)
           VALUES ($1, $2, $3, ARRAY['applicant'], $4, $5, $5) RETURNING id`,
          [person.id, command.email, passwordHash, command.associationCode, now],
        )) as { id: string }[];
        return { accountId: account.id };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AuthProblems.emailTaken();
      throw error;
    }
  }
}
