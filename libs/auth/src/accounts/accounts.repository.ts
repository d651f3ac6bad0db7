import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountRole, InvitableStaffRole } from './account-role.js';
import { ACCOUNT_COLUMNS, type AccountRow } from './account-row.js';

/** The caller's own account, as stored now. */
export interface AccountView {
  id: string;
  personId: string;
  email: string;
  fullName: string;
  roles: AccountRole[];
  associationCode: string | null;
}

export interface StaffAccountView {
  id: string;
  fullName: string;
  email: string;
  roles: AccountRole[];
  /** False until the invitee has set a password through the emailed link. */
  active: boolean;
}

/** What a password change checks and whom it emails. */
export interface AccountCredentials {
  password_hash: string | null;
  email: string;
  association_code: string | null;
  full_name: string;
}

/** Whom an email goes to: an account or a person, by its id. */
export interface Addressee {
  id: string;
  email: string;
  fullName: string;
}

/** Accounts and the people they belong to: the one place their rows are read and written. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The account signing in with this address, whatever its case. */
  async findForSignIn(email: string): Promise<AccountRow | undefined> {
    const [account] = await this.dataSource.query<AccountRow[]>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE lower(a.email) = lower($1)`, [email]);
    return account;
  }

  /**
   * Counts a wrong password in one statement, so concurrent wrong guesses all count; reaching
   * `threshold` locks the account for `lockoutMs` and restarts the count. Returns the lock's end.
   */
  async recordFailedSignIn(accountId: string, now: Date, threshold: number, lockoutMs: number): Promise<Date | null> {
    const [[row]] = await this.dataSource.query<[{ locked_until: Date | null }[], number]>(
      `UPDATE accounts
          SET failed_logins = CASE WHEN failed_logins + 1 >= $3 THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= $3 THEN $2::timestamptz + $4 * interval '1 millisecond' ELSE locked_until END,
              updated_at = $2
        WHERE id = $1
        RETURNING locked_until`,
      [accountId, now, threshold, lockoutMs],
    );
    return row?.locked_until ?? null;
  }

  /** A successful sign-in: the failure count restarts and any lock ends. */
  async clearFailedSignIns(accountId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE accounts SET failed_logins = 0, locked_until = NULL, updated_at = $2 WHERE id = $1`, [accountId, now]);
  }

  async findView(accountId: string): Promise<AccountView | undefined> {
    const [row] = await this.dataSource.query<AccountView[]>(
      `SELECT a.id, a.person_id AS "personId", a.email, p.full_name AS "fullName", a.roles, a.association_code AS "associationCode"
         FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = $1`,
      [accountId],
    );
    return row;
  }

  async findCredentials(accountId: string): Promise<AccountCredentials | undefined> {
    const [account] = await this.dataSource.query<AccountCredentials[]>(
      `SELECT a.password_hash, a.email, a.association_code, p.full_name FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = $1`,
      [accountId],
    );
    return account;
  }

  /**
   * Replaces the password only over the hash the caller checked, so of two concurrent changes one wins
   * and the other is refused. False when the hash had changed meanwhile.
   */
  async changePasswordIfCurrent(
    accountId: string,
    currentHash: string | null,
    newHash: string,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const [, changed] = await manager.query<[unknown, number]>(`UPDATE accounts SET password_hash = $3, updated_at = $4 WHERE id = $1 AND password_hash = $2`, [
      accountId,
      currentHash,
      newHash,
      now,
    ]);
    return changed === 1;
  }

  /** Sets a password through a reset link: the account is unlocked too. */
  async resetPassword(accountId: string, passwordHash: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE accounts SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1`, [
      accountId,
      passwordHash,
      now,
    ]);
  }

  /** Sets an invitee's first password; returns the account's person and address. */
  async setInvitedPassword(
    accountId: string,
    passwordHash: string,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ person_id: string; email: string }> {
    const [[account]] = await manager.query<[{ person_id: string; email: string }[], number]>(
      `UPDATE accounts SET password_hash = $2, updated_at = $3 WHERE id = $1 RETURNING person_id, email`,
      [accountId, passwordHash, now],
    );
    return account;
  }

  /** The account with this address, whatever its case, locked until the caller's transaction ends. */
  async lockByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<Addressee | undefined> {
    const [account] = await manager.query<Addressee[]>(
      `SELECT a.id, a.email, p.full_name AS "fullName" FROM accounts a JOIN people p ON p.id = a.person_id WHERE lower(a.email) = lower($1) FOR UPDATE OF a`,
      [email],
    );
    return account;
  }

  /** Staff of one association (anyone holding a role other than applicant), by name. */
  async listStaff(associationCode: string): Promise<StaffAccountView[]> {
    return this.dataSource.query<StaffAccountView[]>(
      `SELECT a.id, p.full_name AS "fullName", a.email, a.roles, a.password_hash IS NOT NULL AS active
         FROM accounts a JOIN people p ON p.id = a.person_id
        WHERE a.association_code = $1 AND a.roles && ARRAY['coordinator', 'reviewer', 'exam_reviewer', 'administrator']::text[]
        ORDER BY p.full_name, a.id`,
      [associationCode],
    );
  }

  /**
   * Sets a staff member's working roles, keeping applicant and administrator as they are. Only staff of
   * `ownAssociation` (any association's when null); undefined when there is no such staff account.
   */
  async setStaffRoles(accountId: string, roles: InvitableStaffRole[], ownAssociation: string | null, now: Date): Promise<StaffAccountView | undefined> {
    const [rows] = await this.dataSource.query<[StaffAccountView[], number]>(
      `UPDATE accounts a
          SET roles = ARRAY(SELECT DISTINCT r FROM unnest(array_cat($2::text[], ARRAY(SELECT unnest(a.roles) INTERSECT SELECT unnest(ARRAY['applicant', 'administrator'])))) r ORDER BY r),
              updated_at = $4
         FROM people p
        WHERE a.id = $1 AND p.id = a.person_id AND a.association_code IS NOT NULL AND ($3::text IS NULL OR a.association_code = $3)
          AND a.roles && ARRAY['coordinator', 'reviewer', 'exam_reviewer', 'administrator']::text[]
        RETURNING a.id, p.full_name AS "fullName", a.email, a.roles, a.password_hash IS NOT NULL AS active`,
      [accountId, roles, ownAssociation, now],
    );
    return rows[0];
  }

  /** A new person; a unique violation when the address is already a person's. */
  async insertPerson(associationCode: string, email: string, fullName: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [person] = await manager.query<{ id: string }[]>(
      `INSERT INTO people (association_code, email, full_name, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [associationCode, email, fullName, now],
    );
    return person.id;
  }

  /** An applicant's account, with the password chosen at registration. */
  async insertApplicant(
    personId: string,
    email: string,
    passwordHash: string,
    associationCode: string,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO accounts (person_id, email, password_hash, roles, association_code, created_at, updated_at)
       VALUES ($1, $2, $3, ARRAY['applicant'], $4, $5, $5)`,
      [personId, email, passwordHash, associationCode, now],
    );
  }

  /**
   * A staff account, without a password until its invitation is accepted: invited staff, or an
   * administrator (of one association, or Alliance-wide when `associationCode` is null).
   */
  async insertStaff(
    personId: string,
    email: string,
    roles: readonly (InvitableStaffRole | 'administrator')[],
    associationCode: string | null,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [account] = await manager.query<{ id: string }[]>(
      `INSERT INTO accounts (person_id, email, roles, association_code, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [personId, email, roles, associationCode, now],
    );
    return account.id;
  }

  async renamePerson(personId: string, fullName: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE people SET full_name = $2 WHERE id = $1`, [personId, fullName]);
  }

  /** The person with this address, whatever its case, locked until the caller's transaction ends. */
  async lockPersonByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<Addressee | undefined> {
    const [owner] = await manager.query<Addressee[]>(`SELECT id, email, full_name AS "fullName" FROM people WHERE lower(email) = lower($1) FOR UPDATE`, [
      email,
    ]);
    return owner;
  }
}
