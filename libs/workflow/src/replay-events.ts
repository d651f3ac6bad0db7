import { INITIAL_STATE, type ApplicationState } from './application-state.js';

/** One row of the append-only `application_events` log, as far as state is concerned. */
export interface RecordedTransition {
  readonly event: string;
  readonly from: ApplicationState;
  readonly to: ApplicationState;
}

/**
 * Folds the audit log from the initial state; proves the log reproduces the stored state.
 * Throws at the first event that does not start where the previous one ended.
 */
export function replayEvents(events: readonly RecordedTransition[]): ApplicationState {
  return events.reduce<ApplicationState>((state, recorded, index) => {
    if (recorded.from !== state) {
      throw new Error(`Audit event #${index} ("${recorded.event}") starts from "${recorded.from}", but replay reached "${state}".`);
    }
    return recorded.to;
  }, INITIAL_STATE);
}
