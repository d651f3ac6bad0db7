import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import type { AuthenticatedAccount } from '../../accounts/authenticated-account.js';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
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
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly clock: Clock,
  ) {}

  async execute(command: LogInCommand): Promise<TokenPair> {
    const account = await this.accounts.findForSignIn(command.email);
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
      await this.accounts.clearFailedSignIns(account.id, now, manager);
      return this.sessions.issue(manager, account, randomUUID(), now);
    });
  }

  private async recordFailure(accountId: string, now: Date): Promise<void> {
    const lockedUntil = await this.accounts.recordFailedSignIn(accountId, now, LOCKOUT_THRESHOLD, LOCKOUT_MS);
    // The account id only: no address in the logs.
    if (lockedUntil && lockedUntil > now) this.logger.warn(`account ${accountId} locked after ${LOCKOUT_THRESHOLD} failed sign-ins`);
  }
}
