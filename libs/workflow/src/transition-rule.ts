import type { ApplicationState } from './application-state.js';
import type { Effect } from './effect.js';
import type { GuardFacts } from './guard-facts.js';
import type { Role } from './role.js';
import type { WorkflowEvent } from './workflow-event.js';

export interface Guard {
  /** Stable name, reported in `guard_failed` decisions. */
  readonly name: string;
  readonly holds: (facts: GuardFacts) => boolean;
  /** Why the transition is blocked, for staff and applicants. */
  readonly message: (facts: GuardFacts) => string;
}

/** Resolved from `facts.heldFrom` when the rule fires; lists the states that value may take (for the diagram). */
export interface HeldFromTarget {
  readonly heldFrom: readonly ApplicationState[];
}

export type TransitionTarget = ApplicationState | HeldFromTarget;

export interface TransitionRule {
  readonly from: readonly ApplicationState[];
  readonly event: WorkflowEvent;
  readonly roles: readonly Role[];
  /** All must hold. Rules sharing (from, event) are alternatives: the first whose guards hold wins. */
  readonly guards: readonly Guard[];
  readonly to: TransitionTarget;
  readonly effects: readonly Effect[];
}
