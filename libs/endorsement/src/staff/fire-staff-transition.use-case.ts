import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import type { WorkflowEvent } from '#workflow';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { DEDICATED_ENDPOINTS } from './dedicated-endpoints.js';
import { staffAssociation, staffRole } from './staff-scope.js';
import { StaffProblems } from './staff.problems.js';
import { transitionProblem } from './transition-problem.js';

export interface FireStaffTransitionCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  event: WorkflowEvent;
  reason?: string;
  /** From If-Match: the version the caller acted on. */
  expectedVersion: number;
}

/** A coordinator or administrator moves an application of their association, at the version they saw. */
@Injectable()
export class FireStaffTransition {
  constructor(private readonly transition: TransitionApplication) {}

  async execute(command: FireStaffTransitionCommand): Promise<{ applicationId: string; state: string; version: number }> {
    const { caller, event } = command;
    const endpoint = DEDICATED_ENDPOINTS[event];
    if (endpoint) throw StaffProblems.dedicatedEndpoint(event, endpoint);
    try {
      const result = await this.transition.execute({
        applicationId: command.applicationId,
        event,
        actor: { id: caller.id, role: staffRole(caller) },
        associationScope: staffAssociation(caller) ?? undefined,
        expectedVersion: command.expectedVersion,
        reason: command.reason,
      });
      return { applicationId: result.applicationId, state: result.to, version: result.version };
    } catch (error) {
      throw transitionProblem(error);
    }
  }
}
