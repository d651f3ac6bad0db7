import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { checkEligibility, type EligibilityGap, type Portfolio, type RulesSnapshot } from '#framework';
import { Clock } from '#platform';
import type { ApplicationState } from '#workflow';
import { CURRENT_REFERENCE_COUNT, CURRENT_REFERENCES_FIRST, REFERENCE_STANDING_JSON, type ReferenceStandingFields } from '../references/reference-standing.view.js';
import { panelOutcome, type Recommendation } from '../panel/panel-outcome.js';
import { CURRENT_ROUND } from '../panel/panel-round.js';
import { currentAllowedEventViews, type AllowedEventView } from '../transition/allowed-event-view.js';
import { TransitionsRepository } from '../transition/transitions.repository.js';
import { DEDICATED_ENDPOINTS } from './dedicated-endpoints.js';
import { staffAssociation, staffRole } from './staff-scope.js';
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

// One statement: the application with its references (ratings, vetting calls, whether they still
// count), every email sent on its behalf (failed ones with the server's answer), exam attempts and panel votes.
const SELECT_DETAIL = `
  SELECT json_build_object(
    'id', a.id, 'associationCode', a.association_code, 'categoryCode', a.category_code, 'trackCode', a.track_code,
    'state', a.state, 'version', a.version, 'heldFrom', a.held_from, 'reinstatement', a.reinstatement,
    'frameworkVersion', a.framework_version, 'stateChangedAt', a.state_changed_at, 'submittedAt', a.submitted_at,
    'createdAt', a.created_at, 'amendedAt', a.amended_at, 'examApprovedAt', a.exam_approved_at,
    'endorsementNumber', a.endorsement_number, 'endorsedAt', a.endorsed_at, 'renewalDueOn', a.renewal_due_on, 'registryListed', a.registry_listed,
    'applicant', json_build_object('personId', p.id, 'name', p.full_name, 'email', p.email),
    'assignee', CASE WHEN a.assignee_id IS NOT NULL THEN json_build_object('id', a.assignee_id, 'name',
                  (SELECT sp.full_name FROM accounts sa JOIN people sp ON sp.id = sa.person_id WHERE sa.id = a.assignee_id), 'claimedAt', a.claimed_at) END,
    'portfolio', a.portfolio, 'currentReferenceCount', ${CURRENT_REFERENCE_COUNT},
    'references', (SELECT coalesce(json_agg(json_build_object(
        'id', r.id, 'role', r.role, 'raterName', r.rater_name, 'raterEmail', r.rater_email, 'waivedAccess', r.waived_access,
        'status', r.status, 'rating', r.rating, 'requestedAt', r.requested_at, 'ratedAt', r.rated_at, 'vettedAt', r.vetted_at, 'vettedBy', r.vetted_by,${REFERENCE_STANDING_JSON},
        'vettingCalls', (SELECT coalesce(json_agg(json_build_object('id', v.id, 'calledAt', v.called_at, 'outcome', v.outcome, 'notes', v.notes,
                                                                    'staffAccountId', v.staff_account_id) ORDER BY v.called_at), '[]')
                           FROM reference_vetting_calls v WHERE v.reference_id = r.id)
      ) ORDER BY ${CURRENT_REFERENCES_FIRST}), '[]') FROM application_references r WHERE r.application_id = a.id),
    'deliveries', (SELECT coalesce(json_agg(json_build_object(
        'id', d.id, 'template', d.template, 'recipientKind', d.recipient_kind, 'recipientName', d.recipient_name, 'recipientEmail', d.recipient_email,
        'referenceId', d.reference_id, 'status', d.status, 'attempts', d.attempts, 'smtpResponse', d.smtp_response, 'lastError', d.last_error,
        'createdAt', d.created_at, 'sentAt', d.sent_at
      ) ORDER BY d.created_at, d.id), '[]') FROM email_deliveries d WHERE d.application_id = a.id),
    'examAttempts', (SELECT coalesce(json_agg(json_build_object(
        'attemptNo', x.attempt_no, 'part1Percent', x.part1_percent, 'part2Percent', x.part2_percent, 'satOn', x.sat_on
      ) ORDER BY x.attempt_no), '[]') FROM exam_attempts x WHERE x.application_id = a.id),
    'panelVotes', (SELECT coalesce(json_agg(json_build_object(
        'round', v.round, 'reviewerId', v.reviewer_id, 'reviewerName', vp.full_name, 'recommendation', v.recommendation,
        'checklist', v.checklist, 'notes', v.notes, 'createdAt', v.created_at
      ) ORDER BY v.round, v.created_at), '[]')
      FROM panel_votes v LEFT JOIN accounts va ON va.id = v.reviewer_id LEFT JOIN people vp ON vp.id = va.person_id WHERE v.application_id = a.id),
    'panel', json_build_object('round', ${CURRENT_ROUND}, 'escalated', false, 'reviewers', (SELECT coalesce(json_agg(json_build_object('id', pa.reviewer_id, 'name', rp.full_name) ORDER BY rp.full_name), '[]')
      FROM panel_assignments pa JOIN accounts ra ON ra.id = pa.reviewer_id JOIN people rp ON rp.id = ra.person_id WHERE pa.application_id = a.id AND pa.round = ${CURRENT_ROUND}))
  ) AS detail, a.rules
    FROM applications a JOIN people p ON p.id = a.applicant_id
   WHERE a.id = $1 AND ($2::text IS NULL OR a.association_code = $2)`;

/** One application as staff review it, if the caller's association holds it (else 404). */
@Injectable()
export class GetStaffApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly transitions: TransitionsRepository,
  ) {}

  async execute(command: { caller: AuthenticatedAccount; applicationId: string }): Promise<StaffApplicationDetail> {
    const [row] = await this.dataSource.query<{
      detail: StaffApplicationDetail;
      rules: RulesSnapshot;
    }[]>(SELECT_DETAIL, [command.applicationId, staffAssociation(command.caller)]);
    if (!row) throw StaffProblems.applicationNotFound();
    const { detail } = row;
    detail.eligibilityGaps = checkEligibility(detail.portfolio as unknown as Portfolio, row.rules, this.clock.now(), detail.applicant.email);
    const roundVotes = (detail.panelVotes as { round: number; recommendation: Recommendation; notes: string | null }[]).filter((v) => v.round === detail.panel.round);
    detail.panel.escalated = detail.state === 'panel_review' && panelOutcome(roundVotes)?.event === 'panel_escalate';
    detail.allowedEvents = await currentAllowedEventViews(this.transitions, detail, staffRole(command.caller), DEDICATED_ENDPOINTS, this.clock.now());
    return detail;
  }
}
