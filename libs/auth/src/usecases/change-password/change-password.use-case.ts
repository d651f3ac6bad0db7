import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailDeliveriesRepository } from '#mail';
import { Clock } from '#platform';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { AuthProblems } from '../../auth.problems.js';
import { AccountLinks } from '../../links/account-links.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';

/** Validated at the edge: the new password meets the same rules as at registration and reset. */
export interface ChangePasswordCommand {
  caller: AuthenticatedAccount;
  currentPassword: string;
  newPassword: string;
}

/**
 * A signed-in person changes their password, proving they know the current one. Every other session
 * of the account ends (whoever knew the old password is signed out; this one stays), and the owner is
 * emailed that it changed, so a change they did not make does not go unnoticed.
 */
@Injectable()
export class ChangePassword {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly links: AccountLinks,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    const [account] = await this.dataSource.query<{ password_hash: string | null; email: string; association_code: string | null; full_name: string }[]>(
      `SELECT a.password_hash, a.email, a.association_code, p.full_name FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = $1`,
      [caller.id],
    );
    if (!(await this.hasher.verify(account?.password_hash ?? null, currentPassword))) throw AuthProblems.wrongPassword();
    const passwordHash = await this.hasher.hash(newPassword);
    const now = this.clock.now();
    const deliveries = await this.dataSource.transaction(async (manager) => {
      // Only over the hash just checked: a concurrent change wins once, the other is refused.
      const [, changed] = await manager.query<[unknown, number]>(`UPDATE accounts SET password_hash = $3, updated_at = $4 WHERE id = $1 AND password_hash = $2`, [
        caller.id,
        account.password_hash,
        passwordHash,
        now,
      ]);
      if (changed !== 1) throw AuthProblems.wrongPassword();
      await manager.query(`UPDATE refresh_tokens SET revoked_at = $3 WHERE account_id = $1 AND family_id <> $2 AND revoked_at IS NULL`, [caller.id, caller.sessionId, now]);
      return this.ledger.record(
        manager,
        [
          {
            businessKey: `password-changed-${caller.id}-${now.getTime()}`,
            applicationId: null,
            template: 'password_changed',
            recipientKind: 'account',
            recipientEmail: account.email,
            recipientName: account.full_name,
            context: { associationCode: account.association_code },
          },
        ],
        now,
      );
    });
    await this.links.send(deliveries);
  }
}
