import { Injectable } from '@nestjs/common';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository } from './applications.repository.js';
import { transitionProblem } from '../staff/transition-problem.js';

export interface WithdrawApplicationCommand {
  personId: string;
  applicationId: string;
  reason?: string;
  expectedVersion?: number;
}

/** The applicant withdraws their application; its reminders stop and they are told it is closed. */
@Injectable()
export class WithdrawApplication {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly transition: TransitionApplication,
  ) {}

  async execute(command: WithdrawApplicationCommand): Promise<TransitionResult> {
    const app = await this.applications.findOwn(command.personId, command.applicationId);
    if (!app) throw applicationNotFound();
    return this.transition
      .execute({
        applicationId: app.id,
        event: 'withdraw',
        actor: { id: command.personId, role: 'applicant' },
        reason: command.reason,
        expectedVersion: command.expectedVersion,
      })
      .catch((error: unknown) => {
        throw transitionProblem(error);
      });
  }
}
