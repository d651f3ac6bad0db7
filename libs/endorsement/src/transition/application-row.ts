import type { ApplicationState } from '#workflow';
import type { RenewalRequirements } from '../renewal/check-renewal-requirements.js';

/** What the transition path reads in its transaction: the application and its guard facts, in one query. */
export interface ApplicationRow {
  id: string;
  state: ApplicationState;
  version: number;
  held_from: ApplicationState | null;
  reinstatement: boolean;
  rules: Record<string, unknown>;
  /** Loaded only in draft, the one state whose event (submit) judges the portfolio. */
  portfolio: Record<string, unknown> | null;
  amended_at: Date | null;
  exam_approved_at: Date | null;
  state_changed_at: Date;
  rated_roles: string[];
  exam_attempts: number;
  part1_percent: string | null;
  part2_percent: string | null;
  /** Loaded only in renewal_due, the one state whose event (renew) judges the cycle's hours. */
  renewal: RenewalFacts | null;
}

export interface RenewalFacts {
  /** The endorsee's approved entries of the cycle (the year up to the due day, and the late window). */
  entries: { kind: 'training' | 'rsc'; hours: number; dei: boolean; aboutRsc: boolean }[];
  /** The renewal requirements of every category the person holds: one renewal covers them all. */
  requirements: RenewalRequirements[];
  /** The cycle due the year after endorsement (see firstDueOn), which may need no hours. */
  firstCycle: boolean;
  providesRsc: boolean;
  yearsEndorsed: number;
}

export const SELECT_APPLICATION_ROW = `
  SELECT a.id, a.state, a.version, a.held_from, a.reinstatement, a.rules,
         CASE WHEN a.state = 'draft' THEN a.portfolio END AS portfolio,
         a.amended_at, a.exam_approved_at, a.state_changed_at,
         ARRAY(SELECT DISTINCT r.role FROM application_references r WHERE r.application_id = a.id AND r.status = 'rated') AS rated_roles,
         (SELECT count(*)::int FROM exam_attempts x WHERE x.application_id = a.id) AS exam_attempts,
         last.part1_percent, last.part2_percent,
         CASE WHEN a.state = 'renewal_due' THEN json_build_object(
           'entries', (SELECT coalesce(json_agg(json_build_object('kind', c.kind, 'hours', c.hours, 'dei', c.dei, 'aboutRsc', c.about_rsc)), '[]')
                         FROM ce_entries c WHERE c.person_id = a.applicant_id AND c.status = 'approved'
                          AND c.completed_on > a.renewal_due_on - interval '1 year'),
           'requirements', (SELECT json_agg(o.rules->'rules'->'renewal') FROM applications o
                             WHERE o.applicant_id = a.applicant_id AND o.state IN ('endorsed', 'renewal_due')),
           'firstCycle', extract(year FROM a.renewal_due_on) = extract(year FROM a.endorsed_at AT TIME ZONE (a.rules->'association'->>'timeZone')) + 1,
           'providesRsc', coalesce(a.portfolio->'work' @> '[{"providesRsc": true}]', false),
           'yearsEndorsed', coalesce(extract(year FROM age($2::timestamptz, a.endorsed_at))::int, 0)) END AS renewal
    FROM applications a
    LEFT JOIN LATERAL (SELECT part1_percent, part2_percent FROM exam_attempts x WHERE x.application_id = a.id
                        ORDER BY attempt_no DESC LIMIT 1) AS last ON true
   WHERE a.id = $1`; // $2: now, from the Clock
