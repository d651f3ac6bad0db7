import type { components } from '#api-client';

type State = components['schemas']['StaffQueueItem']['state'];
type Event = components['schemas']['AllowedEvent']['event'];

/** States in plain words, as staff say them. */
export const STATE_NAMES: Record<State, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  reference_checks: 'Reference checks',
  exam: 'Exam',
  panel_review: 'Panel review',
  deferred: 'Deferred',
  on_hold: 'On hold',
  endorsed: 'Endorsed',
  renewal_due: 'Renewal due',
  lapsed: 'Lapsed',
  withdrawn: 'Withdrawn',
  denied: 'Denied',
};

/** What each event does, as the button that fires it says. */
export const EVENT_LABELS: Partial<Record<Event, string>> = {
  begin_reference_checks: 'Begin reference checks',
  complete_references: 'Mark references complete',
  approve_exam: 'Approve to sit the exam',
  panel_endorse: 'Endorse',
  panel_defer: 'Defer',
  panel_deny: 'Deny',
  hold: 'Put on hold',
  resume: 'Resume',
  withdraw: 'Withdraw the application',
  renew: 'Renew',
  reinstate: 'Reinstate',
};

/** Codes as people read them: "infant_family_work" → "infant family work". */
export const words = (code: string): string => code.replaceAll('_', ' ');

export const eventLabel = (event: string): string => EVENT_LABELS[event as Event] ?? words(event);

/** "waiting 12 days", from when the application entered its state. */
export function waitingFor(since: string, now = Date.now()): string {
  const days = Math.floor((now - new Date(since).getTime()) / 86_400_000);
  if (days < 1) return 'waiting less than a day';
  return days === 1 ? 'waiting 1 day' : `waiting ${days} days`;
}
