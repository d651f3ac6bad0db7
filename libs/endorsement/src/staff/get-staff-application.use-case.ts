import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { checkEligibility, type EligibilityGap, type Portfolio } from '#framework';
import { Clock } from '#platform';
import type { ApplicationState } from '#workflow';
import type { ReferenceStandingFields } from '../references/reference-standing.view.js';
import { panelOutcome, type Recommendation } from '../panel/panel-outcome.js';
import { currentAllowedEventViews, type AllowedEventView } from '../transition/allowed-event-view.js';
import { TransitionsRepository } from '../transition/transitions.repository.js';
import { DEDICATED_ENDPOINTS } from './dedicated-endpoints.js';
import { staffAssociation, staffRole } from './staff-scope.js';
import { StaffQueueRepository } from './staff-queue.repository.js';
import { StaffProblems } from './staff.problems.js';

/** Everything staff review an application by; JSON built by PostgreSQL, keys as the api shows them. */
export interface StaffApplicationDetail {
  id: string;
  associationCode: string;
  categoryCode: string;
  trackCode: string | null;
  state: ApplicationState;
  version: number;
  heldFrom: ApplicationState | null;
  applicant: { personId: string; name: string; email: string };
  assignee: { id: string; name: string; claimedAt: string } | null;
  portfolio: Record<string, unknown>;
  /** Current references first; each says whether it still counts (see ReferenceStandingFields). */
  references: (Record<string, unknown> & ReferenceStandingFields)[];
  currentReferenceCount: number;
  deliveries: Record<string, unknown>[];
  examAttempts: Record<string, unknown>[];
  panelVotes: Record<string, unknown>[];
  /** What the portfolio lacks under the category's pinned rules, as the applicant's checklist says it. */
  eligibilityGaps: EligibilityGap[];
  /** The events the caller's role may fire now; `endpoint` names the route of those that have their own. */
  allowedEvents: AllowedEventView[];
  /** The current review round: who sits on it, and whether their votes disagree (the administrator decides). */
  panel: { round: number; reviewers: { id: string; name: string }[]; escalated: boolean };
  [key: string]: unknown;
}

/** One application as staff review it, if the caller's association holds it (else 404). */
@Injectable()
export class GetStaffApplication {
  constructor(
    private readonly staffQueue: StaffQueueRepository,
    private readonly clock: Clock,
    private readonly transitions: TransitionsRepository,
  ) {}

  async execute(command: { caller: AuthenticatedAccount; applicationId: string }): Promise<StaffApplicationDetail> {
    const row = await this.staffQueue.findDetail(command.applicationId, staffAssociation(command.caller));
    if (!row) throw StaffProblems.applicationNotFound();
    const { detail } = row;
    detail.eligibilityGaps = checkEligibility(detail.portfolio as unknown as Portfolio, row.rules, this.clock.now(), detail.applicant.email);
    const roundVotes = (detail.panelVotes as { round: number; recommendation: Recommendation; notes: string | null }[]).filter(
      (v) => v.round === detail.panel.round,
    );
    detail.panel.escalated = detail.state === 'panel_review' && panelOutcome(roundVotes)?.event === 'panel_escalate';
    detail.allowedEvents = await currentAllowedEventViews(this.transitions, detail, staffRole(command.caller), DEDICATED_ENDPOINTS, this.clock.now());
    return detail;
  }
}
