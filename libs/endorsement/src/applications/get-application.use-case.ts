import { Inject, Injectable } from '@nestjs/common';
import type { EligibilityGap, Framework, Portfolio } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { currentAllowedEventViews, type AllowedEventView } from '../transition/allowed-event-view.js';
import { TransitionsRepository } from '../transition/transitions.repository.js';
import { APPLICANT_ENDPOINTS } from './applicant-endpoints.js';
import { headingOf, type ApplicationHeading } from './application-heading.js';
import { ReferencesRepository, type ApplicantReferenceView } from '../references/references.repository.js';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository } from './applications.repository.js';
import { PendingSteps, type PendingStep } from './pending-steps.js';
import { portfolioGaps } from './portfolio-gaps.js';

interface Labelled {
  code: string;
  label: string;
}

/** The codes the portfolio's fields take, with their names, as the application's pinned rules set them. */
export interface PortfolioChoices {
  educationLevels: Labelled[];
  referenceRoles: Labelled[];
  competencyDomains: (Labelled & { areas: Labelled[] })[];
}

export interface ApplicationView extends ApplicationHeading {
  portfolio: Portfolio;
  choices: PortfolioChoices;
  eligibilityGaps: EligibilityGap[];
  references: ApplicantReferenceView[];
  pendingSteps: PendingStep[];
  endorsement: { number: string; endorsedAt: Date | null; renewalDueOn: string | null } | null;
  submittedAt: Date | null;
  updatedAt: Date;
  /** What the applicant may do now, from the workflow table: the page offers these and nothing else. */
  allowedEvents: AllowedEventView[];
}

/** One of the caller's applications: where it stands, what it lacks, and what is still to happen. */
@Injectable()
export class GetApplication {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly references: ReferencesRepository,
    private readonly pendingSteps: PendingSteps,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    private readonly transitions: TransitionsRepository,
  ) {}

  async execute(personId: string, applicationId: string): Promise<ApplicationView> {
    const app = await this.applications.findOwn(personId, applicationId);
    if (!app) throw applicationNotFound();
    const references = await this.references.listShownToApplicant(app.id);
    for (const ref of references) if (ref.waivedAccess || ref.rating === null) delete ref.rating;
    return {
      ...headingOf(app),
      portfolio: app.portfolio,
      choices: {
        educationLevels: app.rules.educationLevels.map(({ code, label }) => ({ code, label })),
        referenceRoles: app.rules.rules.references.roles.map(({ code, label }) => ({ code, label })),
        competencyDomains: this.framework.competencyDomains.map(({ code, label, areas }) => ({
          code,
          label,
          areas: areas.map((a) => ({ code: a.code, label: a.label })),
        })),
      },
      eligibilityGaps: portfolioGaps(app, this.clock.now()),
      references,
      pendingSteps: await this.pendingSteps.of(app),
      endorsement: app.endorsement_number ? { number: app.endorsement_number, endorsedAt: app.endorsed_at, renewalDueOn: app.renewal_due_on } : null,
      submittedAt: app.submitted_at,
      updatedAt: app.updated_at,
      allowedEvents: await currentAllowedEventViews(this.transitions, app, 'applicant', APPLICANT_ENDPOINTS, this.clock.now()),
    };
  }
}
