import { allowedTransitions, type AllowedTransition, type ApplicationState, type Role, type WorkflowEvent } from '#workflow';

/** An event the caller may fire now, with the route that records it when it has one of its own. */
export type AllowedEventView = AllowedTransition & { endpoint: string | null };

/** What `role` may fire from `state`, as the transition table says, each with its route from `endpoints`. */
export function allowedEventViews(state: ApplicationState, role: Role, endpoints: Partial<Readonly<Record<WorkflowEvent, string>>>): AllowedEventView[] {
  return allowedTransitions(state, role).map((allowed) => ({ ...allowed, endpoint: endpoints[allowed.event] ?? null }));
}
