import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EligibilityGap, Portfolio } from '#framework';
import { Clock, ProblemException } from '#platform';
import { findOwnApplication, OWN_APPLICATION_COLUMNS, type OwnApplication } from './own-application.js';
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
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: EditPortfolioSectionCommand): Promise<{ version: number; eligibilityGaps: EligibilityGap[] }> {
    const now = this.clock.now();
    const [updated] = await this.dataSource.query<[OwnApplication[], number]>(
      `UPDATE applications a
          SET portfolio = jsonb_set(a.portfolio, ARRAY[$3::text], $4::jsonb), version = a.version + 1, updated_at = $6,
              amended_at = CASE WHEN a.state = 'deferred' THEN $6 ELSE a.amended_at END
        WHERE a.id = $1 AND a.applicant_id = $2 AND a.state = ANY($5::text[]) AND ($7::int IS NULL OR a.version = $7)
        RETURNING ${OWN_APPLICATION_COLUMNS}`,
      [command.applicationId, command.personId, command.section, JSON.stringify(command.value), EDITABLE_STATES, now, command.expectedVersion ?? null],
    );
    const app = updated[0] ?? (await this.refusal(command));
    return { version: app.version, eligibilityGaps: portfolioGaps(app, now) };
  }

  /** Nothing was written: say why (not theirs, not editable now, or edited meanwhile). */
  private async refusal(command: EditPortfolioSectionCommand): Promise<never> {
    const app = await findOwnApplication(this.dataSource, command.personId, command.applicationId);
    if (!EDITABLE_STATES.includes(app.state)) {
      throw new ProblemException(409, 'application_not_editable', 'The portfolio cannot be changed now', `The portfolio can be changed only before submitting or after a deferral; this application is ${app.state}.`, {
        currentState: app.state,
        currentVersion: app.version,
      });
    }
    throw new ProblemException(409, 'version_conflict', 'The application changed meanwhile', `The application is at version ${app.version}, not ${command.expectedVersion}: reload it and edit again.`, {
      currentState: app.state,
      currentVersion: app.version,
    });
  }
}
