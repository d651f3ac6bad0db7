import { Injectable } from '@nestjs/common';
import type { EligibilityGap, Portfolio } from '#framework';
import { Clock, ProblemException } from '#platform';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository } from './applications.repository.js';
import { EDITABLE_STATES, portfolioGaps } from './portfolio-gaps.js';

export type PortfolioSection = keyof Portfolio;

export interface EditPortfolioSectionCommand<S extends PortfolioSection = PortfolioSection> {
  personId: string;
  applicationId: string;
  section: S;
  /** Already validated by that section's schema at the edge. */
  value: Portfolio[S];
  /** The version the applicant edited (If-Match); absent: last write wins. */
  expectedVersion?: number;
}

/**
 * Replaces one section of a draft or deferred portfolio and answers with what the portfolio still
 * lacks. Each edit bumps the version, so a stale editor gets a conflict instead of overwriting.
 * In `deferred`, the edit is what the resubmit guard looks for (amended_at).
 */
@Injectable()
export class EditPortfolioSection {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: EditPortfolioSectionCommand): Promise<{ version: number; eligibilityGaps: EligibilityGap[] }> {
    const now = this.clock.now();
    const app = (await this.applications.updatePortfolioSection(command, EDITABLE_STATES, now)) ?? (await this.refusal(command));
    return { version: app.version, eligibilityGaps: portfolioGaps(app, now) };
  }

  /** Nothing was written: say why (not theirs, not editable now, or edited meanwhile). */
  private async refusal(command: EditPortfolioSectionCommand): Promise<never> {
    const app = await this.applications.findOwn(command.personId, command.applicationId);
    if (!app) throw applicationNotFound();
    if (!EDITABLE_STATES.includes(app.state)) {
      throw new ProblemException(
        409,
        'application_not_editable',
        'The portfolio cannot be changed now',
        `The portfolio can be changed only before submitting or after a deferral; this application is ${app.state}.`,
        {
          currentState: app.state,
          currentVersion: app.version,
        },
      );
    }
    throw new ProblemException(
      409,
      'version_conflict',
      'The application changed meanwhile',
      `The application is at version ${app.version}, not ${command.expectedVersion}: reload it and edit again.`,
      {
        currentState: app.state,
        currentVersion: app.version,
      },
    );
  }
}
