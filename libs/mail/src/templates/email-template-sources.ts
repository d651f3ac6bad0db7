import { applicationReceived } from './applicant/application-received.template.js';
import { deferred } from './applicant/deferred.template.js';
import { denied } from './applicant/denied.template.js';
import { endorsed } from './applicant/endorsed.template.js';
import { examApprovalExpired } from './applicant/exam-approval-expired.template.js';
import { examApprovalReminder } from './applicant/exam-approval-reminder.template.js';
import { examApproved } from './applicant/exam-approved.template.js';
import { examFailedDenied } from './applicant/exam-failed-denied.template.js';
import { examFailedRetake } from './applicant/exam-failed-retake.template.js';
import { examReminder } from './applicant/exam-reminder.template.js';
import { examRegistered } from './applicant/exam-registered.template.js';
import { examPassed } from './applicant/exam-passed.template.js';
import { lapsed } from './applicant/lapsed.template.js';
import { onHold } from './applicant/on-hold.template.js';
import { raterEmailRejected } from './applicant/rater-email-rejected.template.js';
import { referenceNotCounted } from './applicant/reference-not-counted.template.js';
import { referenceOverdueApplicant } from './applicant/reference-overdue-applicant.template.js';
import { referenceReceived } from './applicant/reference-received.template.js';
import { referencesComplete } from './applicant/references-complete.template.js';
import { referencesRequested } from './applicant/references-requested.template.js';
import { reinstatementStarted } from './applicant/reinstatement-started.template.js';
import { renewalLateNotice } from './applicant/renewal-late-notice.template.js';
import { renewalOpen } from './applicant/renewal-open.template.js';
import { renewalReminder } from './applicant/renewal-reminder.template.js';
import { renewed } from './applicant/renewed.template.js';
import { resubmissionReceived } from './applicant/resubmission-received.template.js';
import { resumed } from './applicant/resumed.template.js';
import { withdrawn } from './applicant/withdrawn.template.js';
import { passwordChanged } from './account/password-changed.template.js';
import { passwordReset } from './account/password-reset.template.js';
import { registrationAttempt } from './account/registration-attempt.template.js';
import { staffInvitation } from './account/staff-invitation.template.js';
import type { EmailTemplate } from './email-template.js';
import type { EmailTemplateName } from './email-template-names.js';
import { referenceReminder } from './rater/reference-reminder.template.js';
import { referenceRequest } from './rater/reference-request.template.js';
import { panelAssigned } from './staff/panel-assigned.template.js';
import { panelReleased } from './staff/panel-released.template.js';
import { panelEscalated } from './staff/panel-escalated.template.js';
import { referenceOverdueCoordinator } from './staff/reference-overdue-coordinator.template.js';

/** Every template name has its sources: a name added to EMAIL_TEMPLATE_NAMES fails to compile until then. */
export const EMAIL_TEMPLATE_SOURCES: Readonly<Record<EmailTemplateName, EmailTemplate>> = {
  application_received: applicationReceived,
  references_requested: referencesRequested,
  references_complete: referencesComplete,
  exam_approved: examApproved,
  exam_passed: examPassed,
  exam_failed_retake: examFailedRetake,
  exam_failed_denied: examFailedDenied,
  endorsed,
  deferred,
  denied,
  resubmission_received: resubmissionReceived,
  on_hold: onHold,
  resumed,
  withdrawn,
  renewal_open: renewalOpen,
  renewed,
  lapsed,
  reinstatement_started: reinstatementStarted,
  reference_received: referenceReceived,
  reference_overdue_applicant: referenceOverdueApplicant,
  rater_email_rejected: raterEmailRejected,
  reference_not_counted: referenceNotCounted,
  exam_registered: examRegistered,
  exam_reminder: examReminder,
  exam_approval_reminder: examApprovalReminder,
  exam_approval_expired: examApprovalExpired,
  panel_escalated: panelEscalated,
  panel_assigned: panelAssigned,
  panel_released: panelReleased,
  reference_overdue_coordinator: referenceOverdueCoordinator,
  reference_request: referenceRequest,
  reference_reminder: referenceReminder,
  password_reset: passwordReset,
  staff_invitation: staffInvitation,
  registration_attempt: registrationAttempt,
  password_changed: passwordChanged,
  renewal_reminder: renewalReminder,
  renewal_late_notice: renewalLateNotice,
};
