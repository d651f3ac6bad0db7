import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { mailboxKey, type Framework } from '#framework';
import { EmailDeliveriesRepository } from '#mail';
import { Clock, FRAMEWORK, ProblemException } from '#platform';
import { JobQueues } from '#queue';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { ActivitiesRepository } from '../staff/activities.repository.js';
import { RaterChangeProblems } from './rater-change.problems.js';
import { ReferencesRepository } from './references.repository.js';
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
    private readonly references: ReferencesRepository,
    private readonly reminders: RemindersRepository,
    private readonly activities: ActivitiesRepository,
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
      const applicant = await this.references.lockApplicantForRaterChange(command.applicationId, manager);
      const replaced = await this.references.markReplaced(command.referenceId, command.applicationId, now, manager);
      if (applicant && !replaced && !(await this.references.belongsTo(command.referenceId, command.applicationId, manager))) {
        throw new ProblemException(404, 'reference_not_found', 'Reference not found', 'This application has no reference with this id.');
      }
      if (!applicant || !replaced) {
        throw new ProblemException(
          409,
          'reference_not_replaceable',
          'This reference cannot be replaced',
          'Only a reference that is still waiting for its rater, whose email bounced, or whose form could not count can get a new address.',
        );
      }
      await this.refuseUnlessIndependent(manager, command, applicant.email);
      await this.refuseOverLimits(manager, command, applicant.applicant_id, now);
      if (command.staffAccountId) await this.activities.recordRaterReplaced(command.applicationId, command.staffAccountId, command.referenceId, now, manager);
      await this.reminders.cancelPendingForReference(command.referenceId, manager);
      // Naming an address here gives it anew, even one that bounced before: the applicant may have had it fixed.
      await this.ledger.unsuppress(command.raterEmail, manager);
      const delivery = await requestReference(
        { references: this.references, reminders: this.reminders },
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
        manager,
      );
      await this.references.linkReplacement(command.referenceId, delivery.referenceId!, manager);
      return { referenceId: delivery.referenceId!, deliveryIds: await this.ledger.record([delivery], now, manager) };
    });
    await this.jobs.addBulk(
      'sendEmail',
      deliveryIds.map((deliveryId) => ({ deliveryId })),
    );
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
    const open = await this.references.openRaterEmails(command.applicationId, manager);
    if (open.some((email) => mailboxKey(email) === key)) {
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
    // The times of the most recent changes that count, newest first: those of the reference's chain of
    // replacements, and those of all the applicant's references.
    for (const [scope, limit, latest] of [
      ['reference', perReference, (n: number) => this.references.chainReplacementsSince(command.referenceId, since, n, manager)],
      ['applicant', perApplicant, (n: number) => this.references.applicantReplacementsSince(applicantId, since, n, manager)],
    ] as const) {
      const changes = await latest(limit + 1);
      // With this change among them, one more than the limit: the oldest counted frees a place 24 hours after it was made.
      if (changes.length > limit)
        throw RaterChangeProblems.tooManyChanges(scope, limit, new Date(changes[limit].getTime() + WINDOW_MS), now, command.staffAccountId !== undefined);
    }
  }
}
