import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { EmailDeliveriesRepository } from '#mail';
import { JobQueues } from '#queue';
import { accountLinkToken } from '../tokens/account-link-token.js';
import { hashToken } from '../tokens/opaque-token.js';

export type AccountLinkPurpose = 'password_reset' | 'staff_invitation';

/** How long each kind of emailed link works. */
export const ACCOUNT_LINK_TTL_MS: Readonly<Record<AccountLinkPurpose, number>> = {
  password_reset: 3600 * 1000,
  staff_invitation: 7 * 24 * 3600 * 1000,
};

/**
 * Single-use links emailed to an account's owner. The token row and its email's ledger row are
 * written in the caller's transaction; the email is handed to the mail queue after commit (if Redis
 * is away then, the relay hands the queued ledger row over later). Only the link's hash is stored.
 */
@Injectable()
export class AccountLinks {
  private readonly logger = new Logger('AccountLinks');

  constructor(
    private readonly ledger: EmailDeliveriesRepository,
    private readonly jobs: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues a link for `purpose`, replacing any unused earlier one; returns the delivery to send. */
  async issue(manager: EntityManager, account: { id: string; email: string; fullName: string }, purpose: AccountLinkPurpose, now: Date): Promise<string[]> {
    await manager.query(`UPDATE account_tokens SET used_at = $3 WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL`, [account.id, purpose, now]);
    const id = randomUUID();
    await manager.query(
      `INSERT INTO account_tokens (id, account_id, purpose, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, account.id, purpose, hashToken(accountLinkToken(this.config.linkSecret, id)), new Date(now.getTime() + ACCOUNT_LINK_TTL_MS[purpose]), now],
    );
    return this.ledger.record(
      manager,
      [
        {
          businessKey: `account-link-${id}`,
          applicationId: null,
          template: purpose,
          recipientKind: 'account',
          recipientEmail: account.email,
          recipientName: account.fullName,
          context: { accountTokenId: id },
        },
      ],
      now,
    );
  }

  /**
   * Uses a link: marks its token used and returns its account, or null when the token is unknown,
   * used, expired or for another purpose. The update is the check, so a link works exactly once.
   */
  async redeem(manager: EntityManager, token: string, purpose: AccountLinkPurpose, now: Date): Promise<string | null> {
    const [rows] = await manager.query<[{ account_id: string }[], number]>(
      `UPDATE account_tokens SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING account_id`,
      [hashToken(token), purpose, now],
    );
    return rows[0]?.account_id ?? null;
  }

  /** After commit: to the mail queue now rather than at the relay's next look. */
  async send(deliveryIds: string[]): Promise<void> {
    try {
      await this.jobs.addBulk('sendEmail', deliveryIds.map((deliveryId) => ({ deliveryId })));
    } catch {
      this.logger.warn(`mail queue unavailable; ${deliveryIds.length} account email(s) left for the relay to hand over`);
    }
  }
}
