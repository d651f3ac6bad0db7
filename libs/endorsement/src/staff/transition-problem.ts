import { ProblemException } from '#platform';
import { ApplicationNotFoundError, TransitionConflictError, TransitionRefusedError } from '../transition/transition.errors.js';
import { StaffProblems } from './staff.problems.js';

/**
 * The HTTP answer for an error of the transition path: a stale version is 409 with the current state
 * and version; an event the state does not allow is 409 with what it allows; a role that may not fire
 * it is 403; a failed guard is 422 naming the guards. Anything else is rethrown as it is.
 */
export function transitionProblem(error: unknown): unknown {
  if (error instanceof TransitionConflictError) {
    return new ProblemException(409, 'version_conflict', 'The application has changed', error.message, {
      currentState: error.currentState,
      currentVersion: error.currentVersion,
    });
  }
  if (error instanceof TransitionRefusedError) {
    const status = { event_not_allowed: 409, role_not_allowed: 403, guard_failed: 422 }[error.code];
    return new ProblemException(status, error.code, 'Transition refused', error.message, error.details);
  }
  if (error instanceof ApplicationNotFoundError) {
    return StaffProblems.applicationNotFound();
  }
  return error;
}
