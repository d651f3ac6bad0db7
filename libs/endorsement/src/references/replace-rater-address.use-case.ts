import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import type { Framework } from '#framework';
import { EmailLedger } from '#mail';
import { Clock, FRAMEWORK, ProblemException } from '#platform';
import { JobQueues } from '#queue';
import { requestReference } from './request-reference.js';

export interface ReplaceRaterAddressCommand {
  applicationId: string;
  referenceId: string;
  raterEmail: string;
  /** A different person for the same role (a form that could not count); the same rater when omitted. */
  raterName?: string;
}

/**
 * The applicant gives a rater a new address (a bounce, a typo, a new job), or names another rater for
 * the role when a form could not count: the old link stops working and its reminders stop, and a new
 * link goes to the new address.
 */
@Injectable()
export class ReplaceRaterAddress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: EmailLedger,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: ReplaceRaterAddressCommand): Promise<{ referenceId: string }> {
    const now = this.clock.now();
    const { referenceId, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      const [old] = (await manager.query(
        `UPDATE application_references SET status = 'replaced', revoked_at = $3, token_hash = NULL
          WHERE id = $1 AND application_id = $2 AND revoked_at IS NULL AND status IN ('requested', 'bounced', 'invalid')
          RETURNING role, rater_name, waived_access, (SELECT association_code FROM applications WHERE id = $2) AS association_code`,
        [command.referenceId, command.applicationId, now],
      )) as [{ role: string; rater_name: string; waived_access: boolean; association_code: string }[], number];
      const replaced = old[0];
      if (!replaced) {
        throw new ProblemException(409, 'reference_not_replaceable', 'This reference cannot be replaced', 'Only a reference that is still waiting for its rater, whose email bounced, or whose form could not count can get a new address.');
      }
      await manager.query(`UPDATE reminders SET status = 'cancelled' WHERE reference_id = $1 AND status = 'pending'`, [command.referenceId]);
      const delivery = await requestReference(
        manager,
        { applicationId: command.applicationId, role: replaced.role, raterName: command.raterName ?? replaced.rater_name, raterEmail: command.raterEmail, waivedAccess: replaced.waived_access },
        this.framework.association(replaced.association_code),
        this.config.linkSecret,
        now,
      );
      await manager.query(`UPDATE application_references SET replaced_by = $2 WHERE id = $1`, [command.referenceId, delivery.referenceId]);
      return { referenceId: delivery.referenceId!, deliveryIds: await this.ledger.record(manager, [delivery], now) };
    });
    await this.jobs.addBulk('sendEmail', deliveryIds.map((deliveryId) => ({ deliveryId })));
    return { referenceId };
  }
}
