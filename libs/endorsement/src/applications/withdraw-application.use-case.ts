import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import { findOwnApplication } from './own-application.js';
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
    private readonly dataSource: DataSource,
    private readonly transition: TransitionApplication,
  ) {}

  async execute(command: WithdrawApplicationCommand): Promise<TransitionResult> {
    const app = await findOwnApplication(this.dataSource, command.personId, command.applicationId);
    return this.transition
      .execute({ applicationId: app.id, event: 'withdraw', actor: { id: command.personId, role: 'applicant' }, reason: command.reason, expectedVersion: command.expectedVersion })
      .catch((error: unknown) => {
        throw transitionProblem(error);
      });
  }
}
