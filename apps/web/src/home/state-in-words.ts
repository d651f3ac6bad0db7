/** An application's state as the applicant reads it. */
const WORDS: Record<string, string> = {
  draft: 'Not submitted yet',
  submitted: 'Submitted: the association is checking it',
  reference_checks: 'Waiting for your references',
  exam: 'Approved to sit the exam',
  panel_review: 'Being reviewed',
  deferred: 'Returned to you for changes',
  on_hold: 'On hold',
  endorsed: 'Endorsed',
  renewal_due: 'Endorsed: renewal due',
  lapsed: 'Lapsed: not renewed in time',
  withdrawn: 'Withdrawn',
  denied: 'Not endorsed',
};

export function stateInWords(state: string): string {
  return WORDS[state] ?? state.replaceAll('_', ' ');
}
