import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { EmailDeliveriesRepository, type NewDelivery } from '#mail';
import { Clock, FRAMEWORK } from '#platform';
import { JobQueues } from '#queue';
import { teamInbox } from '../notifications/staff-recipients.js';
import { renewalCycleKey } from '../renewal/renewal-calendar.js';
import { RemindersRepository, type DueReminder } from './reminders.repository.js';

const BATCH = 500;

/**
 * Turns due reminder rows into emails. Each row fires once: it is locked (SKIP LOCKED, so sweeps on
 * several workers share the work), re-checked (an answered reference needs no reminder), marked
 * done and its emails recorded in one transaction. Works in batches; a sweep killed half-way
 * leaves the rest pending for the next.
 */
@Injectable()
export class SweepReminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(): Promise<number> {
    let fired = 0;
    for (;;) {
      const now = this.clock.now();
      const { picked, count, deliveryIds } = await this.dataSource.transaction(async (manager) => {
        const due = await this.reminders.findDueForUpdate(now, BATCH, manager);
        const deliveries = due.filter(owed).flatMap((r) => this.emailsFor(r));
        const stale = due.filter((r) => !owed(r)).map((r) => r.id);
        await this.reminders.markSwept(
          due.map((r) => r.id),
          stale,
          now,
          manager,
        );
        return { picked: due.length, count: due.length - stale.length, deliveryIds: await this.ledger.record(deliveries, now, manager) };
      });
      await this.jobs.addBulk(
        'sendEmail',
        deliveryIds.map((deliveryId) => ({ deliveryId })),
      );
      fired += count;
      if (picked < BATCH) break;
    }
    return fired;
  }

  private emailsFor(r: DueReminder): NewDelivery[] {
    const base = { applicationId: r.application_id, referenceId: r.reference_id, context: { daysWaiting: r.offset_days } };
    switch (r.kind) {
      case 'reference_reminder':
        return [
          {
            ...base,
            businessKey: `reminder-${r.id}-rater`,
            template: 'reference_reminder',
            recipientKind: 'rater',
            recipientEmail: r.rater_email!,
            recipientName: r.rater_name!,
          },
        ];
      case 'reference_overdue': {
        // The coordinator the application is assigned to, or the association's team inbox.
        const staff = r.assignee_email ? { email: r.assignee_email, name: r.assignee_name! } : teamInbox(this.framework.association(r.association_code));
        return [
          {
            ...base,
            businessKey: `reminder-${r.id}-applicant`,
            template: 'reference_overdue_applicant',
            recipientKind: 'applicant',
            recipientEmail: r.applicant_email,
            recipientName: r.applicant_name,
          },
          {
            ...base,
            businessKey: `reminder-${r.id}-coordinator`,
            template: 'reference_overdue_coordinator',
            recipientKind: 'coordinator',
            recipientEmail: staff.email,
            recipientName: staff.name,
          },
        ];
      }
      case 'exam_reminder':
        return [
          {
            ...base,
            context: { attemptNo: r.attempt_no },
            businessKey: `reminder-${r.id}-applicant`,
            template: 'exam_reminder',
            recipientKind: 'applicant',
            recipientEmail: r.applicant_email,
            recipientName: r.applicant_name,
          },
        ];
      case 'exam_approval_reminder':
        return [
          {
            ...base,
            businessKey: `reminder-${r.id}-applicant`,
            template: 'exam_approval_reminder',
            recipientKind: 'applicant',
            recipientEmail: r.applicant_email,
            recipientName: r.applicant_name,
          },
        ];
      case 'renewal_reminder':
        // Positive offsets come before the due day; negative ones are the late window's notices.
        return [
          {
            ...base,
            businessKey: `reminder-${r.id}-applicant`,
            template: r.offset_days > 0 ? 'renewal_reminder' : 'renewal_late_notice',
            recipientKind: 'applicant',
            recipientEmail: r.applicant_email,
            recipientName: r.applicant_name,
          },
        ];
      default:
        throw new Error(`no emails defined for reminder kind ${r.kind}`);
    }
  }
}

/** Re-checked when due: is the reminder still owed, or did the world move on since it was planned? */
function owed(r: DueReminder): boolean {
  // The rater answered, the address bounced or was replaced: nothing to chase.
  if (r.reference_id) return r.reference_status === 'requested';
  // Renewed (or lapsed, or the cycle moved on) since: the reminder belongs to a finished cycle.
  if (r.kind === 'renewal_reminder')
    return r.application_state === 'renewal_due' && r.subject_key === renewalCycleKey(r.applicant_id, r.association_code, r.renewal_due_on!);
  // Withdrawn, on hold, or the attempt already decided: no sitting to remind of.
  if (r.kind === 'exam_reminder') return r.application_state === 'exam' && r.attempt_decided === false;
  // Booked a sitting, or no longer waiting to sit: no approval to remind of.
  if (r.kind === 'exam_approval_reminder') return r.application_state === 'exam' && r.attempt_pending === false;
  return true;
}
