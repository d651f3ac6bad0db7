import type { EntityManager } from 'typeorm';
import type { Framework } from '#framework';
import { renewalCycle } from '../renewal/renewal-calendar.js';
import { examApprovalValidity } from '../exam/exam-approval-validity.js';
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
      sitting: { sitsOn: string; online: boolean; location: string | null; candidateCode: string } | null;
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

interface WaitingReference {
  id: string;
  role: string;
  rater_name: string;
  status: 'requested' | 'bounced';
  requested_at: Date | null;
  next_reminder_at: Date | null;
  overdue_at: Date | null;
}

/** What is still open on an application, in the order it comes: what the applicant does, what others do. */
export async function pendingSteps(db: Pick<EntityManager, 'query'>, app: OwnApplication, framework: Framework): Promise<PendingStep[]> {
  switch (app.state) {
    case 'draft':
      return [{ step: 'complete_and_submit', description: 'Complete every section of your portfolio, then submit it.' }];
    case 'deferred':
      return [{ step: 'amend_and_resubmit', description: 'Amend your portfolio as the reviewers asked, then submit it again.' }];
    case 'submitted':
      return [{ step: 'association_review', description: 'The association is checking your application; your raters are asked for their references next.' }];
    case 'reference_checks':
      return waitingReferences(db, app.id);
    case 'panel_review':
      return [{ step: 'panel_review', description: 'Two reviewers are reviewing your portfolio; you will hear from us by email.' }];
    case 'on_hold':
      return [{ step: 'on_hold', description: 'Your application is on hold; the timeline and our email say why and what to do.' }];
    case 'exam':
      return examStep(db, app);
    case 'endorsed':
    case 'renewal_due':
      return renewalStep(app, framework);
    default:
      return [];
  }
}

async function waitingReferences(db: Pick<EntityManager, 'query'>, applicationId: string): Promise<PendingStep[]> {
  const rows = await db.query<WaitingReference[]>(
    `SELECT r.id, r.role, r.rater_name, r.status, r.requested_at,
            (SELECT min(m.due_at) FROM reminders m WHERE m.reference_id = r.id AND m.kind = 'reference_reminder' AND m.status = 'pending') AS next_reminder_at,
            (SELECT min(m.due_at) FROM reminders m WHERE m.reference_id = r.id AND m.kind = 'reference_overdue' AND m.status <> 'cancelled') AS overdue_at
       FROM application_references r
      WHERE r.application_id = $1 AND r.revoked_at IS NULL AND r.status IN ('requested', 'bounced')
      ORDER BY r.created_at, r.id`,
    [applicationId],
  );
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

async function examStep(db: Pick<EntityManager, 'query'>, app: OwnApplication): Promise<PendingStep[]> {
  const exam = app.rules.rules.exam;
  if (!exam || !app.exam_approved_at) return [];
  const expires = examApprovalValidity(app.exam_approved_at, exam.approvalValidMonths, app.rules.association.timeZone).expiresAt;
  const [sitting] = await db.query<{ sitsOn: string; online: boolean; location: string | null; candidateCode: string }[]>(
    `SELECT to_char(x.sat_on, 'YYYY-MM-DD') AS "sitsOn", w.online, w.location, x.candidate_code AS "candidateCode"
       FROM exam_attempts x JOIN exam_windows w ON w.id = x.window_id
      WHERE x.application_id = $1 AND x.decided_at IS NULL ORDER BY x.attempt_no DESC LIMIT 1`,
    [app.id],
  );
  const sittingDay = sitting && formatCalendarDate(sitting.sitsOn, app.rules.association.timeZone);
  const description = !sitting
    ? 'Register for a sitting, then sit both parts of the exam while your approval is valid.'
    : sitting.online
      ? `Sit the exam online on ${sittingDay}; identify your answers with your candidate code ${sitting.candidateCode}, not your name.`
      : `Sit the exam on ${sittingDay} (${sitting.location}); write your candidate code ${sitting.candidateCode}, not your name, on every page.`;
  return [{ step: 'sit_exam', description, approvedAt: app.exam_approved_at, approvalExpiresAt: expires, sitting: sitting ?? null }];
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
