import { EMAIL_TEMPLATES } from '#workflow';

// Other code (workflow effects, outbox rows, reminder jobs) refers to emails by these strings.
export const EMAIL_TEMPLATE_NAMES = [
  // The state machine's step emails (applicant) and staff notices, from its one list.
  ...EMAIL_TEMPLATES,
  // Applicant, about their raters.
  'reference_received',
  'reference_overdue_applicant',
  'rater_email_rejected',
  'reference_not_counted',
  // Applicant, about their exam seat.
  'exam_registered',
  'exam_reminder',
  // Applicant, as the approval to sit the exam nears its end unused.
  'exam_approval_reminder',
  // Applicant, as the renewal date nears and passes.
  'renewal_reminder',
  'renewal_late_notice',
  // Staff.
  'reference_overdue_coordinator',
  'panel_assigned',
  'panel_released',
  // Accounts: single-use links to set a password, a registration refused for a known address, a password changed.
  'password_reset',
  'staff_invitation',
  'registration_attempt',
  'password_changed',
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
