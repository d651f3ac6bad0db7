export { APPLICATION_STATES, INITIAL_STATE, TERMINAL_STATES, type ApplicationState } from './application-state.js';
export { ROLES, type Role } from './role.js';
export { WORKFLOW_EVENTS, type WorkflowEvent } from './workflow-event.js';
export {
  APPLICANT_EMAIL_TEMPLATES,
  EFFECT_TYPES,
  EMAIL_TEMPLATES,
  REMINDER_SCOPES,
  STAFF_EMAIL_TEMPLATES,
  type ApplicantEmailTemplate,
  type Effect,
  type EffectOf,
  type EffectType,
  type EmailTemplate,
  type ReminderScope,
  type StaffEmailTemplate,
  type StaffRole,
} from './effect.js';
export type { GuardFacts } from './guard-facts.js';
export type { Guard, HeldFromTarget, TransitionRule, TransitionTarget } from './transition-rule.js';
export { HOLDABLE_STATES, TRANSITION_TABLE } from './transition-table.js';
export { decideTransition, type FailedGuard, type TransitionDecision, type TransitionInput } from './decide-transition.js';
export { allowedEvents } from './allowed-events.js';
export { allowedTransitions, type AllowedTransition } from './allowed-transitions.js';
export { replayEvents, type RecordedTransition } from './replay-events.js';
export { STATE_DIAGRAM_END, STATE_DIAGRAM_START, renderStateDiagram, withStateDiagram } from './state-diagram.js';
