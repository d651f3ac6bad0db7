import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkEligibility } from '#framework';
import { OutboxNotifier } from '#db';
import { Clock, ProblemException } from '#platform';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository } from './applications.repository.js';
import { transitionProblem } from '../staff/transition-problem.js';

export interface SubmitApplicationCommand {
  personId: string;
  applicationId: string;
  expectedVersion?: number;
}

/**
 * The applicant submits a draft, or resubmits after a deferral. An ineligible portfolio is refused
 * with every gap in plain language; the transition's own guard makes the final call.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitApplicationCommand): Promise<TransitionResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      const app = await this.applications.findOwnForUpdate(command.personId, command.applicationId, manager);
      if (!app) throw applicationNotFound();
      if (app.state === 'draft') {
        const gaps = checkEligibility(app.portfolio, app.rules, this.clock.now(), app.applicant_email);
        if (gaps.length) {
          throw new ProblemException(422, 'not_eligible', 'The portfolio does not meet the requirements yet', gaps.map((g) => g.message).join(' '), {
            eligibilityGaps: gaps,
          });
        }
      }
      const event = app.state === 'deferred' ? 'resubmit' : 'submit';
      const done = await this.transition
        .executeIn(manager, { applicationId: app.id, event, actor: { id: command.personId, role: 'applicant' }, expectedVersion: command.expectedVersion })
        .catch((error: unknown) => {
          throw transitionProblem(error);
        });
      if (event === 'submit') await this.applications.markSubmitted(app.id, this.clock.now(), manager);
      return done;
    });
    this.outbox.poke();
    return result;
  }
}
