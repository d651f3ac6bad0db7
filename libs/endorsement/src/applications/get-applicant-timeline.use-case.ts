import { Injectable } from '@nestjs/common';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository, type ApplicantTimelineEntry } from './applications.repository.js';
import { PendingSteps, type PendingStep } from './pending-steps.js';

/** Events that only concern staff (a reviewers' disagreement goes to the administrator). */
const INTERNAL_EVENTS = ['panel_escalate'];

/**
 * What happened to an application and when, from the audit trail, and what is still to happen.
 * Staff identities, payloads and internal events stay out.
 */
@Injectable()
export class GetApplicantTimeline {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly pendingSteps: PendingSteps,
  ) {}

  async execute(personId: string, applicationId: string): Promise<{ events: ApplicantTimelineEntry[]; pendingSteps: PendingStep[] }> {
    const app = await this.applications.findOwn(personId, applicationId);
    if (!app) throw applicationNotFound();
    const events = await this.applications.listApplicantTimeline(app.id, INTERNAL_EVENTS);
    return { events, pendingSteps: await this.pendingSteps.of(app) };
  }
}
