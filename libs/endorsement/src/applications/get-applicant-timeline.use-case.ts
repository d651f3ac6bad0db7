import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Framework } from '#framework';
import { FRAMEWORK } from '#platform';
import { findOwnApplication } from './own-application.js';
import { pendingSteps, type PendingStep } from './pending-steps.js';

export interface ApplicantTimelineEntry {
  event: string;
  from: string;
  to: string;
  /** Who acted, as the applicant may know it: themselves, the association's staff, or the system. */
  by: 'you' | 'staff' | 'system';
  at: Date;
  /** The reason given (what to amend, why on hold): the applicant's emails tell it too. */
  reason: string | null;
}

/** Events that only concern staff (a reviewers' disagreement goes to the administrator). */
const INTERNAL_EVENTS = ['panel_escalate'];

/**
 * What happened to an application and when, from the audit trail, and what is still to happen.
 * Staff identities, payloads and internal events stay out.
 */
@Injectable()
export class GetApplicantTimeline {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(personId: string, applicationId: string): Promise<{ events: ApplicantTimelineEntry[]; pendingSteps: PendingStep[] }> {
    const app = await findOwnApplication(this.dataSource, personId, applicationId);
    const events = await this.dataSource.query<ApplicantTimelineEntry[]>(
      `SELECT event, from_state AS "from", to_state AS "to",
              CASE actor_role WHEN 'applicant' THEN 'you' WHEN 'system' THEN 'system' ELSE 'staff' END AS by,
              occurred_at AS at, reason
         FROM application_events WHERE application_id = $1 AND event <> ALL($2::text[]) ORDER BY version`,
      [app.id, INTERNAL_EVENTS],
    );
    return { events, pendingSteps: await pendingSteps(this.dataSource, app, this.framework) };
  }
}
