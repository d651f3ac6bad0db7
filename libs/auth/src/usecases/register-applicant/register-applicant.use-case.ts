import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Framework } from '#framework';
import { EmailDeliveriesRepository } from '#mail';
import { Clock, FRAMEWORK } from '#platform';
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
        const [person] = await manager.query<{ id: string }[]>(`INSERT INTO people (association_code, email, full_name, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
          command.associationCode,
          command.email,
          command.fullName,
          now,
        ]);
        await manager.query(
          `INSERT INTO accounts (person_id, email, password_hash, roles, association_code, created_at, updated_at)
           VALUES ($1, $2, $3, ARRAY['applicant'], $4, $5, $5)`,
          [person.id, command.email, passwordHash, command.associationCode, now],
        );
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
    const [owner] = await manager.query<{
      id: string;
      email: string;
      fullName: string;
    }[]>(`SELECT id, email, full_name AS "fullName" FROM people WHERE lower(email) = lower($1) FOR UPDATE`, [command.email]);
    if (!owner) return [];
    const hour = Math.floor(now.getTime() / REGISTRATION_ATTEMPT_EMAIL_EVERY_MS);
    const [previousKey, key] = [hour - 1, hour].map((h) => `registration-attempt-${owner.id}-${h}`);
    const recent = await manager.query<unknown[]>(`SELECT 1 FROM email_deliveries WHERE business_key = ANY($1) AND created_at > $2`, [
      [previousKey, key],
      new Date(now.getTime() - REGISTRATION_ATTEMPT_EMAIL_EVERY_MS),
    ]);
    if (recent.length) return [];
    return this.ledger.record(
      manager,
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
    );
  }
}
