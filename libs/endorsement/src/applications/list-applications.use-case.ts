import { Injectable } from '@nestjs/common';
import { headingOf, type ApplicationHeading } from './application-heading.js';
import { ApplicationsRepository } from './applications.repository.js';
import { PendingSteps, type PendingStep } from './pending-steps.js';

export interface ApplicationSummary extends ApplicationHeading {
  endorsementNumber: string | null;
  stateChangedAt: Date;
  /** The first pending step, as the full view lists them: what happens next and by when. */
  nextStep: PendingStep | null;
}

/** The caller's own applications, newest first (an applicant has a handful, never a page's worth). */
@Injectable()
export class ListApplications {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly pendingSteps: PendingSteps,
  ) {}

  async execute(personId: string): Promise<{ applications: ApplicationSummary[] }> {
    const rows = await this.applications.listOwn(personId);
    const applications = await Promise.all(
      rows.map(async (app) => ({
        ...headingOf(app),
        endorsementNumber: app.endorsement_number,
        stateChangedAt: app.state_changed_at,
        nextStep: (await this.pendingSteps.of(app))[0] ?? null,
      })),
    );
    return { applications };
  }
}
