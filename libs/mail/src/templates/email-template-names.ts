// Other code (workflow effects, outbox rows, reminder jobs) refers to emails by these strings.
export const EMAIL_TEMPLATE_NAMES = [
  // Applicant, one per state-machine effect.
  'application_received',
  'references_requested',
  'references_complete',
  'exam_approved',
  'exam_passed',
  'exam_failed_retake',
  'exam_failed_denied',
  'endorsed',
  'deferred',
  'denied',
  'resubmission_received',
  'on_hold',
  'resumed',
  'withdrawn',
  'renewal_open',
  'renewed',
  'lapsed',
  'reinstatement_started',
  // Applicant, about their raters.
  'reference_received',
  'reference_overdue_applicant',
  'rater_email_rejected',
  // Staff.
  'panel_escalated',
  'reference_overdue_coordinator',
  // Raters.
  'reference_request',
  'reference_reminder',
] as const;

export type EmailTemplateName = (typeof EMAIL_TEMPLATE_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(EMAIL_TEMPLATE_NAMES);

/** Narrows a name read from storage (an outbox row, a job) before rendering. */
export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return NAMES.has(name);
}
