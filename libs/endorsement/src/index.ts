export { EndorsementModule } from './endorsement.module.js';
export { TransitionApplication, OUTBOX_CHANNEL } from './transition/transition-application.use-case.js';
export type { TransitionCommand, TransitionResult } from './transition/transition.command.js';
export { ApplicationNotFoundError, TransitionConflictError, TransitionRefusedError } from './transition/transition.errors.js';
export { GuardFactsLoader } from './transition/guard-facts.loader.js';
export { PinnedRulesGuardFactsLoader } from './transition/pinned-rules-guard-facts.loader.js';
