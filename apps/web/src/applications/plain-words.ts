/** The states of an application as the applicant reads them. */
export const STATE_IN_WORDS: Record<string, string> = {
  draft: 'Not submitted yet: you are still preparing it',
  submitted: 'Submitted: the association is checking it',
  reference_checks: 'Waiting for your references',
  exam: 'Approved to sit the exam',
  panel_review: 'Being reviewed by two reviewers',
  deferred: 'Returned to you to amend',
  on_hold: 'On hold',
  endorsed: 'Endorsed',
  renewal_due: 'Endorsed: renewal is open',
  lapsed: 'Lapsed: the endorsement was not renewed in time',
  withdrawn: 'Withdrawn',
  denied: 'Not endorsed',
};

/** What each step of the timeline means, in plain words. */
export const EVENT_IN_WORDS: Record<string, string> = {
  submit: 'You submitted your application',
  resubmit: 'You submitted your amended application',
  begin_reference_checks: 'The association checked your application and asked your raters for references',
  complete_references: 'All your references arrived',
  approve_exam: 'You were approved to sit the exam',
  expire_exam_approval: 'Your approval to sit the exam ended',
  pass_exam: 'You passed the exam',
  fail_exam: 'You did not pass the exam',
  hold: 'Your application was put on hold',
  resume: 'Your application was taken off hold',
  panel_defer: 'The reviewers returned your application for you to amend',
  panel_deny: 'The reviewers decided not to endorse you',
  panel_endorse: 'You were endorsed',
  panel_escalate: 'The reviewers asked the administrator to decide',
  open_renewal: 'Renewal opened',
  renew: 'You renewed your endorsement',
  lapse: 'Your endorsement lapsed',
  reinstate: 'You asked to reinstate your endorsement',
  withdraw: 'The application was withdrawn',
};

export const BY_IN_WORDS: Record<string, string> = { you: 'by you', staff: 'by the association', system: 'automatically' };

/** A reference's status as the applicant reads it. */
export const REFERENCE_STATUS_IN_WORDS: Record<string, string> = {
  pending: 'Not sent yet',
  requested: 'Sent: waiting for the rating',
  rated: 'Rated',
  bounced: 'Email bounced: the rater’s mail server refused it',
  invalid: 'Not counted: too many “not enough information” answers',
  replaced: 'Replaced',
};

/** References whose address the applicant can change (the API refuses the others). */
export const REPLACEABLE_REFERENCE = new Set(['requested', 'bounced', 'invalid']);

/** Email delivery status in words. */
export const EMAIL_STATUS_IN_WORDS: Record<string, string> = {
  queued: 'Waiting to be sent',
  sending: 'Being sent',
  sent: 'Delivered to the mail server',
  failed: 'Could not be delivered',
};

/** Underscored codes ("program_supervisor") as words ("program supervisor"). */
export function codeInWords(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
