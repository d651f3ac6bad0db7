import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Framework } from '#framework';
import { EmailDeliveriesRepository } from '#mail';
import { Clock, FRAMEWORK } from '#platform';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { isUniqueViolation } from '../../accounts/is-unique-violation.js';
import { AuthProblems } from '../../auth.problems.js';
import { AccountLinks } from '../../links/account-links.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';

/** Validated at the edge: email well-formed, password and name within bounds. */
export interface RegisterApplicantCommand {
  email: string;
  password: string;
  fullName: string;
  associationCode: string;
}

/** At most one "someone tried to register your address" email per address in this long. */
export const REGISTRATION_ATTEMPT_EMAIL_EVERY_MS = 3600 * 1000;

/**
 * An applicant opens an account with one association: a person and their account, in one
 * transaction. An address already known (as an account or a person) is never merged: without a
 * verified address, merging would hand someone else's applications to the registrant. Nor is it
 * refused: the caller learns nothing (same answer, same password hashing), and the address's owner
 * is emailed that someone tried, at most once an hour so the route cannot flood them.
 */
@Injectable()
export class RegisterApplicant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly links: AccountLinks,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: RegisterApplicantCommand): Promise<void> {
    if (!this.framework.associations.has(command.associationCode)) {
      throw AuthProblems.invalidField('associationCode', 'is not an association of this system');
    }
    const passwordHash = await this.hasher.hash(command.password);
    const now = this.clock.now();
    try {
      await this.dataSource.transaction(async (manager) => {
        const personId = await this.accounts.insertPerson(command.associationCode, command.email, command.fullName, now, manager);
        await this.accounts.insertApplicant(personId, command.email, passwordHash, command.associationCode, now, manager);
      });
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const deliveries = await this.dataSource.transaction((manager) => this.tellOwner(manager, command, now));
    await this.links.send(deliveries);
  }

  /**
   * Records the email to the address's owner unless one was recorded in the last hour. Keyed by the
   * hour, so the check reads two ledger rows by their unique key; the person's row lock serialises it.
   */
  private async tellOwner(manager: EntityManager, command: RegisterApplicantCommand, now: Date): Promise<string[]> {
    const owner = await this.accounts.lockPersonByEmail(command.email, manager);
    if (!owner) return [];
    const hour = Math.floor(now.getTime() / REGISTRATION_ATTEMPT_EMAIL_EVERY_MS);
    const [previousKey, key] = [hour - 1, hour].map((h) => `registration-attempt-${owner.id}-${h}`);
    if (await this.ledger.anyRecordedSince([previousKey, key], new Date(now.getTime() - REGISTRATION_ATTEMPT_EMAIL_EVERY_MS), manager)) return [];
    return this.ledger.record(
      [
        {
          businessKey: key,
          applicationId: null,
          template: 'registration_attempt',
          recipientKind: 'account',
          recipientEmail: owner.email,
          recipientName: owner.fullName,
          context: { personId: owner.id, associationCode: command.associationCode },
        },
      ],
      now,
      manager,
    );
  }
}
