import type { ApplicationState } from './application-state.js';
import type { ApplicantEmailTemplate, Effect } from './effect.js';
import type { Role } from './role.js';
import type { Guard, TransitionRule } from './transition-rule.js';

// THE rule for every transition of an application lives in this file: which states an event
// leaves, who may fire it, what must be true, where it goes and what it sets in motion.
// docs/state-machine.md is generated from TRANSITION_TABLE (`npm run docs:state-diagram`).

/** States an application can be put on hold from, and resumed back to. */
export const HOLDABLE_STATES: readonly ApplicationState[] = ['submitted', 'reference_checks', 'exam', 'panel_review', 'deferred'];

const eligible: Guard = {
  name: 'eligible',
  holds: (f) => f.eligibilityGapCount === 0,
  message: (f) => `${f.eligibilityGapCount} requirement(s) of the category are not met yet`,
};
const referencesComplete: Guard = {
  name: 'references_complete',
  holds: (f) => f.referencesComplete,
  message: () => 'not every required reference has a valid rating yet',
};
const noExamNeeded: Guard = {
  name: 'no_exam_needed',
  holds: (f) => !f.examRequired || f.reinstatement,
  message: () => 'the category requires the exam; approve the applicant to sit it instead',
};
const examRequired: Guard = {
  name: 'exam_required',
  holds: (f) => f.examRequired,
  message: () => 'the category has no exam',
};
const notReinstatement: Guard = {
  name: 'not_reinstatement',
  holds: (f) => !f.reinstatement,
  message: () => 'a reinstatement does not retake the exam',
};
const reasonGiven: Guard = {
  name: 'reason_given',
  holds: (f) => f.reasonGiven,
  message: () => 'give a reason: the applicant is told what it is and what to do next',
};
const examPassed: Guard = {
  name: 'exam_passed',
  holds: (f) => f.exam.part1Passed && f.exam.part2Passed,
  message: () => 'both parts of the exam must be passed',
};
// Keeps pass_exam and fail_exam mutually exclusive on the recorded scores.
const examNotPassed: Guard = {
  name: 'exam_not_passed',
  holds: (f) => !(f.exam.part1Passed && f.exam.part2Passed),
  message: () => 'both parts of the exam are recorded as passed',
};
const retakeAvailable: Guard = {
  name: 'retake_available',
  holds: (f) => f.exam.retakesRemaining > 0 && !f.exam.approvalExpired,
  message: () => 'no retake is left or the approval to sit the exam has expired',
};
const noRetakeAvailable: Guard = {
  name: 'no_retake_available',
  holds: (f) => f.exam.retakesRemaining <= 0 || f.exam.approvalExpired,
  message: () => 'a retake is still available',
};
const amendedSinceDeferral: Guard = {
  name: 'amended_since_deferral',
  holds: (f) => f.amendedSinceDeferral,
  message: () => 'the portfolio has not been amended since the deferral',
};
const heldFromKnown: Guard = {
  name: 'held_from_known',
  holds: (f) => f.heldFrom !== null && HOLDABLE_STATES.includes(f.heldFrom),
  message: (f) => `the state before the hold is unknown or cannot be resumed (${f.heldFrom ?? 'none'})`,
};
const renewalRequirementsMet: Guard = {
  name: 'renewal_requirements_met',
  holds: (f) => f.renewalRequirementsMet,
  message: () => 'the training and RSC hours of this renewal cycle are not met',
};
const reinstatement: Guard = {
  name: 'reinstatement',
  holds: (f) => f.reinstatement,
  message: () => 'the application is not marked as a reinstatement',
};

const raterPerReferenceRole: Guard = {
  name: 'rater_per_reference_role',
  holds: (f) => f.referenceRolesWithoutRater.length === 0,
  message: (f) => `name a rater for each reference the category asks for (still missing: ${f.referenceRolesWithoutRater.join(', ')})`,
};
const examApprovalExpired: Guard = {
  name: 'exam_approval_expired',
  holds: (f) => f.exam.approvalExpired,
  message: () => 'the approval to sit the exam is still valid',
};
// A sitting booked within the approval is scored even when the result comes after the approval ends.
const noExamAttemptPending: Guard = {
  name: 'no_exam_attempt_pending',
  holds: (f) => !f.exam.attemptPending,
  message: () => 'a sitting is booked whose result is not decided yet',
};

const tell = (template: ApplicantEmailTemplate): Effect => ({ type: 'email.applicant', template });

const STAFF: readonly Role[] = ['coordinator', 'administrator'];
const STAFF_OR_SYSTEM: readonly Role[] = ['coordinator', 'administrator', 'system'];
const EXAM_SCORERS: readonly Role[] = ['exam_reviewer', 'coordinator', 'administrator', 'system'];
// Reviewers' consensus is applied by the system; the administrator decides escalated cases.
const PANEL: readonly Role[] = ['reviewer', 'administrator', 'system'];

export const TRANSITION_TABLE: readonly TransitionRule[] = [
  {
    from: ['draft'],
    event: 'submit',
    roles: ['applicant'],
    guards: [eligible],
    to: 'submitted',
    effects: [tell('application_received')],
  },
  {
    from: ['submitted'],
    event: 'begin_reference_checks',
    roles: STAFF_OR_SYSTEM,
    guards: [],
    to: 'reference_checks',
    effects: [{ type: 'references.request' }, tell('references_requested')],
  },
  {
    from: ['reference_checks'],
    event: 'complete_references',
    roles: STAFF_OR_SYSTEM,
    guards: [referencesComplete, noExamNeeded],
    to: 'panel_review',
    effects: [tell('references_complete'), { type: 'reminders.cancel', scope: 'references' }],
  },
  {
    from: ['reference_checks'],
    event: 'approve_exam',
    roles: STAFF,
    guards: [referencesComplete, examRequired, notReinstatement],
    to: 'exam',
    effects: [tell('exam_approved'), { type: 'reminders.cancel', scope: 'references' }],
  },
  {
    from: ['exam'],
    event: 'pass_exam',
    roles: EXAM_SCORERS,
    guards: [examPassed],
    to: 'panel_review',
    effects: [tell('exam_passed')],
  },
  {
    from: ['exam'],
    event: 'fail_exam',
    roles: EXAM_SCORERS,
    guards: [examNotPassed, retakeAvailable],
    to: 'exam',
    effects: [tell('exam_failed_retake')],
  },
  {
    from: ['exam'],
    event: 'fail_exam',
    roles: EXAM_SCORERS,
    guards: [examNotPassed, noRetakeAvailable],
    to: 'denied',
    effects: [tell('exam_failed_denied')],
  },
  {
    // The sweep, once the approval's validity (data) has passed unused. Its reminders need no cancel:
    // the reminder sweep sends them only while the application waits in `exam` with no sitting booked.
    from: ['exam'],
    event: 'expire_exam_approval',
    roles: ['system'],
    guards: [examApprovalExpired, noExamAttemptPending],
    to: 'denied',
    effects: [tell('exam_approval_expired')],
  },
  {
    from: ['panel_review'],
    event: 'panel_endorse',
    roles: PANEL,
    guards: [],
    to: 'endorsed',
    effects: [{ type: 'endorsement.issue' }, tell('endorsed')],
  },
  {
    from: ['panel_review'],
    event: 'panel_defer',
    roles: PANEL,
    guards: [reasonGiven],
    to: 'deferred',
    effects: [tell('deferred')],
  },
  {
    from: ['panel_review'],
    event: 'panel_deny',
    roles: PANEL,
    guards: [reasonGiven],
    to: 'denied',
    effects: [tell('denied')],
  },
  {
    // A self-loop so the disagreement is on the audit trail.
    from: ['panel_review'],
    event: 'panel_escalate',
    roles: ['system', 'reviewer'],
    guards: [],
    to: 'panel_review',
    effects: [{ type: 'email.staff', template: 'panel_escalated', audience: 'administrator' }],
  },
  {
    from: ['deferred'],
    event: 'resubmit',
    roles: ['applicant'],
    guards: [amendedSinceDeferral],
    to: 'panel_review',
    effects: [tell('resubmission_received')],
  },
  {
    from: HOLDABLE_STATES,
    event: 'hold',
    roles: STAFF,
    guards: [reasonGiven],
    to: 'on_hold',
    effects: [tell('on_hold')],
  },
  {
    from: ['on_hold'],
    event: 'resume',
    roles: STAFF,
    guards: [heldFromKnown],
    to: { heldFrom: HOLDABLE_STATES },
    effects: [tell('resumed')],
  },
  {
    from: ['draft', ...HOLDABLE_STATES, 'on_hold'],
    event: 'withdraw',
    roles: ['applicant', ...STAFF],
    guards: [],
    to: 'withdrawn',
    effects: [tell('withdrawn'), { type: 'reminders.cancel', scope: 'all' }],
  },
  {
    from: ['endorsed'],
    event: 'open_renewal',
    roles: ['system'],
    guards: [],
    to: 'renewal_due',
    effects: [{ type: 'renewal.schedule' }, tell('renewal_open')],
  },
  {
    from: ['renewal_due'],
    event: 'renew',
    roles: STAFF_OR_SYSTEM,
    guards: [renewalRequirementsMet],
    to: 'endorsed',
    effects: [{ type: 'reminders.cancel', scope: 'renewal' }, tell('renewed')],
  },
  {
    from: ['renewal_due'],
    event: 'lapse',
    roles: ['system'],
    guards: [],
    to: 'lapsed',
    effects: [tell('lapsed'), { type: 'registry.remove' }, { type: 'reminders.cancel', scope: 'renewal' }],
  },
  {
    // Back to references with `reinstatement` set: complete_references then skips the exam.
    from: ['lapsed'],
    event: 'reinstate',
    roles: ['applicant', ...STAFF],
    // One new reference per role the rules ask for: with fewer, references could never complete.
    guards: [reinstatement, raterPerReferenceRole],
    to: 'reference_checks',
    effects: [{ type: 'references.request' }, tell('reinstatement_started')],
  },
];
