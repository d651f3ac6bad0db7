import { Inject, Injectable } from '@nestjs/common';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { renewalCycle } from '../renewal/renewal-calendar.js';
import { examApprovalValidity } from '../exam/exam-approval-validity.js';
import { ExamRepository, type BookedSitting } from '../exam/exam.repository.js';
import { ReferencesRepository } from '../references/references.repository.js';
import type { OwnApplication } from './own-application.js';
import { formatCalendarDate } from '../notifications/format-date.js';

/** Something still to happen on an application, with the dates the applicant can plan by. */
export type PendingStep =
  | { step: 'complete_and_submit'; description: string }
  | { step: 'amend_and_resubmit'; description: string }
  /** Nothing for the applicant to do: the association has the next move. */
  | { step: 'association_review' | 'panel_review' | 'on_hold'; description: string }
  | {
      step: 'reference';
      description: string;
      referenceId: string;
      raterName: string;
      role: string;
      status: 'requested' | 'bounced';
      requestedAt: Date | null;
      /** When the rater is reminded next (absent once every reminder has gone). */
      nextReminderAt: Date | null;
      /** When the reference counts as overdue and the coordinator is told. */
      overdueAt: Date | null;
    }
  | {
      step: 'sit_exam';
      description: string;
      approvedAt: Date;
      approvalExpiresAt: Date;
      /** The sitting booked for the current attempt, with the code to write on the papers; null until one is. */
      sitting: BookedSitting | null;
    }
  | {
      step: 'renew';
      description: string;
      dueOn: string;
      lateFeeFrom: Date;
      lapsesAt: Date;
      /** The association's renewal fee, and what is added to it from `lateFeeFrom`. */
      fee: { amount: number; currency: string };
      lateFee: { amount: number; currency: string };
    };

/** What is still open on an application, in the order it comes: what the applicant does, what others do. */
@Injectable()
export class PendingSteps {
  constructor(
    private readonly references: ReferencesRepository,
    private readonly exam: ExamRepository,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async of(app: OwnApplication): Promise<PendingStep[]> {
    switch (app.state) {
      case 'draft':
        return [{ step: 'complete_and_submit', description: 'Complete every section of your portfolio, then submit it.' }];
      case 'deferred':
        return [{ step: 'amend_and_resubmit', description: 'Amend your portfolio as the reviewers asked, then submit it again.' }];
      case 'submitted':
        return [{ step: 'association_review', description: 'The association is checking your application; your raters are asked for their references next.' }];
      case 'reference_checks':
        return this.waitingReferences(app.id);
      case 'panel_review':
        return [{ step: 'panel_review', description: 'Two reviewers are reviewing your portfolio; you will hear from us by email.' }];
      case 'on_hold':
        return [{ step: 'on_hold', description: 'Your application is on hold; the timeline and our email say why and what to do.' }];
      case 'exam':
        return this.examStep(app);
      case 'endorsed':
      case 'renewal_due':
        return renewalStep(app, this.framework);
      default:
        return [];
    }
  }

  private async waitingReferences(applicationId: string): Promise<PendingStep[]> {
    const rows = await this.references.listAwaited(applicationId);
    return rows.map((r) => ({
      step: 'reference',
      description:
        r.status === 'bounced'
          ? `The request to your rater ${r.rater_name} was rejected by their mail server: give their correct address.`
          : `Waiting for ${r.rater_name} to send their rating.`,
      referenceId: r.id,
      raterName: r.rater_name,
      role: r.role,
      status: r.status,
      requestedAt: r.requested_at,
      nextReminderAt: r.next_reminder_at,
      overdueAt: r.overdue_at,
    }));
  }

  private async examStep(app: OwnApplication): Promise<PendingStep[]> {
    const exam = app.rules.rules.exam;
    if (!exam || !app.exam_approved_at) return [];
    const expires = examApprovalValidity(app.exam_approved_at, exam.approvalValidMonths, app.rules.association.timeZone).expiresAt;
    const sitting = await this.exam.findBookedSitting(app.id);
    const sittingDay = sitting && formatCalendarDate(sitting.sitsOn, app.rules.association.timeZone);
    const description = !sitting
      ? 'Register for a sitting, then sit both parts of the exam while your approval is valid.'
      : sitting.online
        ? `Sit the exam online on ${sittingDay}; identify your answers with your candidate code ${sitting.candidateCode}, not your name.`
        : `Sit the exam on ${sittingDay} (${sitting.location}); write your candidate code ${sitting.candidateCode}, not your name, on every page.`;
    return [{ step: 'sit_exam', description, approvedAt: app.exam_approved_at, approvalExpiresAt: expires, sitting: sitting ?? null }];
  }
}

function renewalStep(app: OwnApplication, framework: Framework): PendingStep[] {
  if (!app.renewal_due_on) return [];
  const association = framework.association(app.association_code);
  const cycle = renewalCycle(app.renewal_due_on, association.renewal, association.timeZone);
  return [
    {
      step: 'renew',
      description: `Renew by ${app.renewal_due_on}: record your continuing education, then submit your renewal.`,
      dueOn: cycle.dueOn,
      lateFeeFrom: cycle.lateFrom,
      lapsesAt: cycle.lapsesAt,
      fee: { amount: association.renewal.fee, currency: association.currency },
      lateFee: { amount: association.renewal.lateFee, currency: association.currency },
    },
  ];
}
