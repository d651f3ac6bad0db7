import { checkEligibility, type Portfolio, type RulesSnapshot } from '#framework';
import type { GuardFacts } from '#workflow';
import type { ApplicationRow } from './application-row.js';
import { checkRenewalRequirements } from '../renewal/check-renewal-requirements.js';
import { examApprovalValidity } from '../exam/exam-approval-validity.js';

/** The guards' facts, judged by the rules pinned on the application, never by today's data files. */
export function guardFactsFrom(app: ApplicationRow, now: Date, reason: string | undefined): GuardFacts {
  const snapshot = app.rules as unknown as RulesSnapshot;
  const { exam, references } = snapshot.rules;
  const approvalExpiresAt =
    exam && app.exam_approved_at ? examApprovalValidity(app.exam_approved_at, exam.approvalValidMonths, snapshot.association.timeZone).expiresAt : null;
  return {
    // Only `submit` reads it: judge the portfolio when a guard asks, not on every transition.
    get eligibilityGapCount() {
      return app.portfolio ? checkEligibility(app.portfolio as unknown as Portfolio, snapshot, now, app.applicant_email!).length : Number.POSITIVE_INFINITY;
    },
    examRequired: exam !== null,
    referencesComplete: references.roles.every((role) => app.rated_roles.includes(role.code)),
    // Only `reinstate` reads it (the portfolio is loaded in lapsed for it).
    get referenceRolesWithoutRater() {
      const named = new Set(((app.portfolio as unknown as Portfolio | null)?.references ?? []).map((r) => r.role));
      return references.roles.filter((role) => !named.has(role.code)).map((role) => role.label);
    },
    exam: {
      part1Passed: exam !== null && app.exam?.part1 != null && app.exam.part1 >= exam.part1.passPercent,
      part2Passed: exam !== null && app.exam?.part2 != null && app.exam.part2 >= exam.part2.passPercent,
      retakesRemaining: exam ? Math.max(0, exam.retake.maxAttempts - (app.exam?.attempts ?? 0)) : 0,
      approvalExpired: approvalExpiresAt !== null && approvalExpiresAt <= now,
      attemptPending: app.exam?.pending ?? false,
    },
    amendedSinceDeferral: app.state === 'deferred' && app.amended_at !== null && app.amended_at > app.state_changed_at,
    heldFrom: app.held_from,
    reinstatement: app.reinstatement,
    reasonGiven: Boolean(reason?.trim()),
    renewalRequirementsMet: app.renewal !== undefined && checkRenewalRequirements(app.renewal.entries, app.renewal).length === 0,
  };
}
