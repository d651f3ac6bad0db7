import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { ACCOUNT_COLUMNS, type AccountRow } from '../../accounts/account-row.js';
import { AuthProblems } from '../../auth.problems.js';
import { PasswordHasher } from '../../passwords/password-hasher.js';
import { Sessions } from '../../tokens/sessions.js';
import type { TokenPair } from '../../tokens/token-pair.js';

/** Consecutive wrong passwords that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface LogInCommand {
  email: string;
  password: string;
  /** Only accounts this admits may sign in here (the queue dashboard: queue operators). */
  admits?: (account: Pick<AuthenticatedAccount, 'roles' | 'associationCode'>) => boolean;
}

/**
 * Signs in with email and password and starts a session. Every refusal is the same 401
 * (`invalid_credentials`) after the same hashing work: unknown address, wrong password, an invited
 * account without a password yet, or a locked account, even with the right password; likewise the
 * right password of an account the command does not admit (no session, nothing recorded).
 */
@Injectable()
export class LogIn {
  private readonly logger = new Logger('LogIn');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly clock: Clock,
  ) {}

  async execute(command: LogInCommand): Promise<TokenPair> {
    const [account] = await this.dataSource.query<AccountRow[]>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE lower(a.email) = lower($1)`, [command.email]);
    const passwordOk = await this.hasher.verify(account?.password_hash ?? null, command.password);
    const now = this.clock.now();
    if (!account) throw AuthProblems.invalidCredentials();
    if (account.locked_until && account.locked_until > now) throw AuthProblems.invalidCredentials();
    if (!passwordOk) {
      await this.recordFailure(account.id, now);
      throw AuthProblems.invalidCredentials();
    }
    if (command.admits && !command.admits({ roles: account.roles, associationCode: account.association_code })) throw AuthProblems.invalidCredentials();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE accounts SET failed_logins = 0, locked_until = NULL, updated_at = $2 WHERE id = $1`, [account.id, now]);
      return this.sessions.issue(manager, account, randomUUID(), now);
    });
  }

  /** One statement, so concurrent wrong guesses all count; reaching the threshold locks and restarts the count. */
  private async recordFailure(accountId: string, now: Date): Promise<void> {
    const [[row]] = await this.dataSource.query<[{ locked_until: Date | null }[], number]>(
      `UPDATE accounts
          SET failed_logins = CASE WHEN failed_logins + 1 >= $3 THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= $3 THEN $2::timestamptz + $4 * interval '1 millisecond' ELSE locked_until END,
              updated_at = $2
        WHERE id = $1
        RETURNING locked_until`,
      [accountId, now, LOCKOUT_THRESHOLD, LOCKOUT_MS],
    );
    // The account id only: no address in the logs.
    if (row?.locked_until && row.locked_until > now) this.logger.warn(`account ${accountId} locked after ${LOCKOUT_THRESHOLD} failed sign-ins`);
  }
}
