import type { FailedGuard, Role, WorkflowEvent } from '#workflow';

/** The application is not where the caller thought: someone else moved it first. */
export class TransitionConflictError extends Error {
  constructor(
    readonly applicationId: string,
    readonly currentState: string,
    readonly currentVersion: number,
    readonly expectedVersion: number,
  ) {
    super(`Application ${applicationId} is at version ${currentVersion} (state "${currentState}"), not ${expectedVersion}.`);
  }
}

/** The state machine said no; `details` carries what it allows instead. */
export class TransitionRefusedError extends Error {
  constructor(
    readonly code: 'event_not_allowed' | 'role_not_allowed' | 'guard_failed',
    message: string,
    readonly details: { allowedEvents?: WorkflowEvent[]; allowedRoles?: Role[]; failedGuards?: FailedGuard[] },
  ) {
    super(message);
  }
}

export class ApplicationNotFoundError extends Error {
  constructor(readonly applicationId: string) {
    super(`Application ${applicationId} does not exist.`);
  }
}
