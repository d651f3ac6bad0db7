import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { headingOf, type ApplicationHeading } from './application-heading.js';
import { OWN_APPLICATION_COLUMNS, type OwnApplication } from './own-application.js';
import { pendingSteps, type PendingStep } from './pending-steps.js';

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
    private readonly dataSource: DataSource,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(personId: string): Promise<{ applications: ApplicationSummary[] }> {
    const rows = await this.dataSource.query<OwnApplication[]>(`SELECT ${OWN_APPLICATION_COLUMNS} FROM applications a WHERE a.applicant_id = $1 ORDER BY a.created_at DESC, a.id`, [
      personId,
    ]);
    const applications = await Promise.all(
      rows.map(async (app) => ({
        ...headingOf(app),
        endorsementNumber: app.endorsement_number,
        stateChangedAt: app.state_changed_at,
        nextStep: (await pendingSteps(this.dataSource, app, this.framework))[0] ?? null,
      })),
    );
    return { applications };
  }
}
