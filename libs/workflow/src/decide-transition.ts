import type { ApplicationState } from './application-state.js';
import type { Effect } from './effect.js';
import type { GuardFacts } from './guard-facts.js';
import type { Role } from './role.js';
import { allowedEvents } from './allowed-events.js';
import { TRANSITION_TABLE } from './transition-table.js';
import type { TransitionRule } from './transition-rule.js';
import type { WorkflowEvent } from './workflow-event.js';

export interface TransitionInput {
  readonly state: ApplicationState;
  /** Untrusted name (from HTTP or a job); unknown names are refused like any event the state does not allow. */
  readonly event: string;
  readonly role: Role;
  readonly facts: GuardFacts;
}

export interface FailedGuard {
  readonly guard: string;
  readonly message: string;
}

export type TransitionDecision =
  | { readonly ok: true; readonly from: ApplicationState; readonly to: ApplicationState; readonly event: WorkflowEvent; readonly effects: Effect[] }
  | { readonly ok: false; readonly code: 'event_not_allowed'; readonly message: string; readonly allowedEvents: WorkflowEvent[] }
  | { readonly ok: false; readonly code: 'role_not_allowed'; readonly message: string; readonly allowedRoles: Role[] }
  | { readonly ok: false; readonly code: 'guard_failed'; readonly message: string; readonly failedGuards: FailedGuard[] };

/** Pure and total: every input yields a decision; the caller persists it. */
export function decideTransition({ state, event, role, facts }: TransitionInput): TransitionDecision {
  const rules = TRANSITION_TABLE.filter((rule) => rule.event === event && rule.from.includes(state));
  if (rules.length === 0) {
    return {
      ok: false,
      code: 'event_not_allowed',
      message: `Event "${event}" is not allowed in state "${state}".`,
      allowedEvents: allowedEvents(state),
    };
  }

  const permitted = rules.filter((rule) => rule.roles.includes(role));
  if (permitted.length === 0) {
    return {
      ok: false,
      code: 'role_not_allowed',
      message: `Role "${role}" may not fire "${event}" in state "${state}".`,
      allowedRoles: [...new Set(rules.flatMap((rule) => rule.roles))],
    };
  }

  const attempts = permitted.map((rule) => ({ rule, blocking: rule.guards.filter((guard) => !guard.holds(facts)) }));
  const winner = attempts.find((attempt) => attempt.blocking.length === 0);
  if (winner) {
    const { rule } = winner;
    return { ok: true, from: state, to: resolveTarget(rule, facts), event: rule.event, effects: [...rule.effects] };
  }
  // Alternatives' guards are complementary, so every alternative's failures together would contradict
  // themselves; report the alternative that came closest (fewest failures, first in table order on ties).
  const closest = attempts.reduce((best, attempt) => (attempt.blocking.length < best.blocking.length ? attempt : best));
  const failedGuards = closest.blocking.map((guard) => ({ guard: guard.name, message: guard.message(facts) }));
  return {
    ok: false,
    code: 'guard_failed',
    message: `"${event}" is blocked in state "${state}": ${failedGuards.map((g) => g.message).join('; ')}.`,
    failedGuards,
  };
}

function resolveTarget(rule: TransitionRule, facts: GuardFacts): ApplicationState {
  if (typeof rule.to === 'string') return rule.to;
  // The rule's held_from_known guard has just passed, so heldFrom is one of rule.to.heldFrom.
  return facts.heldFrom as ApplicationState;
}
