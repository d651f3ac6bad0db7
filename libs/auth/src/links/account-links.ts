import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { EmailDeliveriesRepository } from '#mail';
import { JobQueues } from '#queue';
import { accountLinkToken } from '../tokens/account-link-token.js';
import { hashToken } from '../tokens/opaque-token.js';
import { AccountTokensRepository } from './account-tokens.repository.js';

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
    private readonly accountTokens: AccountTokensRepository,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly jobs: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues a link for `purpose`, replacing any unused earlier one; returns the delivery to send. */
  async issue(manager: EntityManager, account: { id: string; email: string; fullName: string }, purpose: AccountLinkPurpose, now: Date): Promise<string[]> {
    await this.accountTokens.retireUnused(account.id, purpose, now, manager);
    const id = randomUUID();
    const tokenHash = hashToken(accountLinkToken(this.config.linkSecret, id));
    await this.accountTokens.insert(
      { id, accountId: account.id, purpose, tokenHash, expiresAt: new Date(now.getTime() + ACCOUNT_LINK_TTL_MS[purpose]) },
      now,
      manager,
    );
    return this.ledger.record(
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
      manager,
    );
  }

  /**
   * Uses a link: marks its token used and returns its account, or null when the token is unknown,
   * used, expired or for another purpose; a link works exactly once.
   */
  async redeem(manager: EntityManager, token: string, purpose: AccountLinkPurpose, now: Date): Promise<string | null> {
    return this.accountTokens.redeem(hashToken(token), purpose, now, manager);
  }

  /** After commit: to the mail queue now rather than at the relay's next look. */
  async send(deliveryIds: string[]): Promise<void> {
    try {
      await this.jobs.addBulk(
        'sendEmail',
        deliveryIds.map((deliveryId) => ({ deliveryId })),
      );
    } catch {
      this.logger.warn(`mail queue unavailable; ${deliveryIds.length} account email(s) left for the relay to hand over`);
    }
  }
}
