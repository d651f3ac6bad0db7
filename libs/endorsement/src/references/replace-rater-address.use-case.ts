import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { mailboxKey, type Framework } from '#framework';
import { EmailDeliveriesRepository } from '#mail';
import { Clock, FRAMEWORK, ProblemException } from '#platform';
import { JobQueues } from '#queue';
import { RaterChangeProblems } from './rater-change.problems.js';
import { requestReference } from './request-reference.js';

export interface ReplaceRaterAddressCommand {
  applicationId: string;
  referenceId: string;
  raterEmail: string;
  /** A different person for the same role (a form that could not count); the same rater when omitted. */
  raterName?: string;
  /** A coordinator or administrator making the change for the applicant: named on the audit timeline. */
  staffAccountId?: string;
}

/** The window the change limits count in (rolling). */
const WINDOW_MS = 24 * 3600 * 1000;

// The times of the most recent changes that count, newest first: those of the reference's chain of
// replacements, and those of all the applicant's references. Replaced rows are never changed again,
// so they are the record.
const CHAIN_CHANGES = `
  WITH RECURSIVE chain AS (
    SELECT id, status, revoked_at FROM application_references WHERE id = $1
    UNION ALL
    SELECT r.id, r.status, r.revoked_at FROM application_references r JOIN chain c ON r.replaced_by = c.id WHERE r.revoked_at > $2
  )
  SELECT revoked_at AS at FROM chain WHERE status = 'replaced' AND revoked_at > $2 ORDER BY revoked_at DESC LIMIT $3`;
const APPLICANT_CHANGES = `
  SELECT r.revoked_at AS at FROM application_references r JOIN applications a ON a.id = r.application_id
   WHERE a.applicant_id = $1 AND r.status = 'replaced' AND r.revoked_at > $2 ORDER BY r.revoked_at DESC LIMIT $3`;

/**
 * The applicant (or staff, for them) gives a rater a new address (a bounce, a typo, a new job), or names another rater for
 * the role when a form could not count: the old link stops working and its reminders stop, and a new
 * link goes to the new address. The new address must be neither the applicant's own nor another
 * rater's of the application, and each change sends an association email to an address the applicant
 * chose, so changes are limited per reference and per applicant in any 24 hours.
 */
@Injectable()
export class ReplaceRaterAddress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: ReplaceRaterAddressCommand): Promise<{ referenceId: string }> {
    const now = this.clock.now();
    const { referenceId, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      // The applicant's row is locked so that their concurrent changes are counted one after another.
      const [applicant] = await manager.query<{ association_code: string; applicant_id: string; email: string }[]>(
        `SELECT a.association_code, a.applicant_id, p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1 FOR NO KEY UPDATE OF p`,
        [command.applicationId],
      );
      const [old] = await manager.query<[{ role: string; rater_name: string; waived_access: boolean }[], number]>(
        `UPDATE application_references SET status = 'replaced', revoked_at = $3, token_hash = NULL
          WHERE id = $1 AND application_id = $2 AND revoked_at IS NULL AND status IN ('requested', 'bounced', 'invalid')
          RETURNING role, rater_name, waived_access`,
        [command.referenceId, command.applicationId, now],
      );
      const replaced = old[0];
      if (applicant && !replaced) {
        const [known] = await manager.query<unknown[]>(`SELECT 1 FROM application_references WHERE id = $1 AND application_id = $2`, [command.referenceId, command.applicationId]);
        if (!known) throw new ProblemException(404, 'reference_not_found', 'Reference not found', 'This application has no reference with this id.');
      }
      if (!applicant || !replaced) {
        throw new ProblemException(409, 'reference_not_replaceable', 'This reference cannot be replaced', 'Only a reference that is still waiting for its rater, whose email bounced, or whose form could not count can get a new address.');
      }
      await this.refuseUnlessIndependent(manager, command, applicant.email);
      await this.refuseOverLimits(manager, command, applicant.applicant_id, now);
      if (command.staffAccountId) {
        await manager.query(
          `INSERT INTO application_activities (application_id, kind, actor_id, reference_id, occurred_at) VALUES ($1, 'rater_replaced', $2, $3, $4)`,
          [command.applicationId, command.staffAccountId, command.referenceId, now],
        );
      }
      await manager.query(`UPDATE reminders SET status = 'cancelled' WHERE reference_id = $1 AND status = 'pending'`, [command.referenceId]);
      // Naming an address here gives it anew, even one that bounced before: the applicant may have had it fixed.
      await this.ledger.unsuppress(manager, command.raterEmail);
      const delivery = await requestReference(
        manager,
        {
          applicationId: command.applicationId,
          role: replaced.role,
          raterName: command.raterName ?? replaced.rater_name,
          raterEmail: command.raterEmail,
          waivedAccess: replaced.waived_access,
        },
        this.framework.association(applicant.association_code),
        this.config.linkSecret,
        now,
      );
      await manager.query(`UPDATE application_references SET replaced_by = $2 WHERE id = $1`, [command.referenceId, delivery.referenceId]);
      return { referenceId: delivery.referenceId!, deliveryIds: await this.ledger.record(manager, [delivery], now) };
    });
    await this.jobs.addBulk('sendEmail', deliveryIds.map((deliveryId) => ({ deliveryId })));
    return { referenceId };
  }

  /** The new address is not the applicant's, nor that of another open reference (the replaced one is closed by now). */
  private async refuseUnlessIndependent(manager: EntityManager, command: ReplaceRaterAddressCommand, applicantEmail: string): Promise<void> {
    const key = mailboxKey(command.raterEmail);
    // The same refusals for staff, in words addressed to them rather than to the applicant.
    const byStaff = command.staffAccountId !== undefined;
    if (key === mailboxKey(applicantEmail)) {
      throw RaterChangeProblems.notIndependent(
        byStaff
          ? "This is the applicant's own email address. A rater must be someone else who knows their work."
          : 'This is your own email address. A rater must be someone else who knows your work: give their address instead.',
      );
    }
    const open = await manager.query<{ rater_email: string }[]>(`SELECT rater_email FROM application_references WHERE application_id = $1 AND revoked_at IS NULL`, [command.applicationId]);
    if (open.some((ref) => mailboxKey(ref.rater_email) === key)) {
      throw RaterChangeProblems.notIndependent(
        byStaff
          ? 'Another rater of this application already has this email address. Each rater needs their own address.'
          : 'Another of your raters already has this email address. Each rater needs their own address: check it, or ask someone else.',
      );
    }
  }

  /** Counts this change with the earlier ones; over either limit, all of it rolls back. */
  private async refuseOverLimits(manager: EntityManager, command: ReplaceRaterAddressCommand, applicantId: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - WINDOW_MS);
    const { perReference, perApplicant } = this.config.raterChanges;
    for (const [scope, sql, subject, limit] of [
      ['reference', CHAIN_CHANGES, command.referenceId, perReference],
      ['applicant', APPLICANT_CHANGES, applicantId, perApplicant],
    ] as const) {
      const changes = await manager.query<{ at: Date }[]>(sql, [subject, since, limit + 1]);
      // With this change among them, one more than the limit: the oldest counted frees a place 24 hours after it was made.
      if (changes.length > limit) throw RaterChangeProblems.tooManyChanges(scope, limit, new Date(changes[limit].at.getTime() + WINDOW_MS), now, command.staffAccountId !== undefined);
    }
  }
}
