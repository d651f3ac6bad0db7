import type { ApplicationState } from './application-state.js';
import type { Role } from './role.js';
import { TRANSITION_TABLE } from './transition-table.js';
import type { WorkflowEvent } from './workflow-event.js';

/** Events the state accepts (for `role`, when given), in table order; guards are not evaluated. */
export function allowedEvents(state: ApplicationState, role?: Role): WorkflowEvent[] {
  const events = TRANSITION_TABLE.filter((rule) => rule.from.includes(state) && (role === undefined || rule.roles.includes(role))).map((rule) => rule.event);
  return [...new Set(events)];
}
