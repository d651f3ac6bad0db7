import { allowedEvents } from './allowed-events.js';
import type { ApplicationState } from './application-state.js';
import type { Role } from './role.js';
import { TRANSITION_TABLE } from './transition-table.js';
import type { WorkflowEvent } from './workflow-event.js';

export interface AllowedTransition {
  event: WorkflowEvent;
  /** Every rule for this event from this state asks for a reason (the applicant is told it). */
  reasonRequired: boolean;
}

/** What `role` may fire from `state` (allowedEvents), each with whether a reason must come with it. */
export function allowedTransitions(state: ApplicationState, role: Role): AllowedTransition[] {
  return allowedEvents(state, role).map((event) => ({
    event,
    reasonRequired: TRANSITION_TABLE.filter((rule) => rule.event === event && rule.from.includes(state) && rule.roles.includes(role)).every((rule) =>
      rule.guards.some((guard) => guard.name === 'reason_given'),
    ),
  }));
}
