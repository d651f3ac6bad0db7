import {
  allowedTransitions,
  decideTransition,
  type AllowedTransition,
  type ApplicationState,
  type GuardFacts,
  type FailedGuard,
  type Role,
  type WorkflowEvent,
} from '#workflow';
import { guardFactsFrom } from './guard-facts-from.js';
import type { TransitionsRepository } from './transitions.repository.js';

/** An event the caller may fire now, with the route that records it when it has one of its own, and what blocks it now. */
export type AllowedEventView = AllowedTransition & { endpoint: string | null; blockedBy: FailedGuard[] };

type Endpoints = Partial<Readonly<Record<WorkflowEvent, string>>>;

/** What `role` may fire from `state`, as the transition table says, each with its route from `endpoints`, judged by `facts` when given. */
export function allowedEventViews(state: ApplicationState, role: Role, endpoints: Endpoints, facts?: GuardFacts): AllowedEventView[] {
  return allowedTransitions(state, role).map((a) => {
    const decision = facts && decideTransition({ state, event: a.event, role, facts });
    return { ...a, endpoint: endpoints[a.event] ?? null, blockedBy: decision && !decision.ok && decision.code === 'guard_failed' ? decision.failedGuards : [] };
  });
}

/**
 * The same, judged now by the transition path's own guards on the application's current facts (e.g.
 * "Mark references complete" is blocked where the category has an exam). A required reason comes
 * with the step, so it counts as given.
 */
export async function currentAllowedEventViews(
  transitions: TransitionsRepository,
  application: { id: string; state: ApplicationState },
  role: Role,
  endpoints: Endpoints,
  now: Date,
): Promise<AllowedEventView[]> {
  if (allowedTransitions(application.state, role).length === 0) return [];
  const row = await transitions.findApplicationRow(application.id, now);
  return row ? allowedEventViews(row.state, role, endpoints, guardFactsFrom(row, now, 'given with the step')) : [];
}
