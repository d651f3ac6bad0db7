import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { OutboxNotifier } from '#db';
import type { WorkflowEvent } from '#workflow';
import { CompleteReferences } from '../references/complete-references.js';
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

/**
 * A coordinator or administrator moves an application of their association, at the version they saw.
 * A resume into reference checks also counts the ratings that arrived during the hold: when they
 * complete the references, the application moves on in the same transaction.
 */
@Injectable()
export class FireStaffTransition {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transition: TransitionApplication,
    private readonly completion: CompleteReferences,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(command: FireStaffTransitionCommand): Promise<{ applicationId: string; state: string; version: number }> {
    const { caller, event } = command;
    const endpoint = DEDICATED_ENDPOINTS[event];
    if (endpoint) throw StaffProblems.dedicatedEndpoint(event, endpoint);
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        const moved = await this.transition.executeIn(manager, {
          applicationId: command.applicationId,
          event,
          actor: { id: caller.id, role: staffRole(caller) },
          associationScope: staffAssociation(caller) ?? undefined,
          expectedVersion: command.expectedVersion,
          reason: command.reason,
        });
        const completed = event === 'resume' && moved.to === 'reference_checks' ? await this.completion.ifReadyIn(manager, moved.applicationId) : null;
        return completed ?? moved;
      });
      this.outbox.poke();
      return { applicationId: result.applicationId, state: result.to, version: result.version };
    } catch (error) {
      throw transitionProblem(error);
    }
  }
}
