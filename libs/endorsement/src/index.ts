export { EndorsementModule } from './endorsement.module.js';
export { TransitionApplication } from './transition/transition-application.use-case.js';
export type { TransitionCommand, TransitionResult } from './transition/transition.command.js';
export { ApplicationNotFoundError, TransitionConflictError, TransitionRefusedError } from './transition/transition.errors.js';
export { guardFactsFrom } from './transition/guard-facts-from.js';
