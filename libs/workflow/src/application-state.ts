export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'reference_checks',
  'exam',
  'panel_review',
  'deferred',
  'on_hold',
  'endorsed',
  'renewal_due',
  'lapsed',
  'withdrawn',
  'denied',
] as const;

export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** Every application starts here; the audit log is replayed from it. */
export const INITIAL_STATE: ApplicationState = 'draft';

/** No transition leaves these (checked by the table's unit tests). */
export const TERMINAL_STATES: ReadonlySet<ApplicationState> = new Set(['withdrawn', 'denied']);
