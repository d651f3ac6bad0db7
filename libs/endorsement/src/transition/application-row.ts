import type { EntityManager } from 'typeorm';
import type { ApplicationState } from '#workflow';
import type { RenewalRequirements } from '../renewal/check-renewal-requirements.js';

/**
 * What the transition path reads in its transaction: the application and its guard facts, in one
 * query. Each fact is read only in the state whose events' guards use it (references in
 * reference_checks, exam results in exam, the portfolio in draft, hours in renewal_due), so the
 * common transition pays for none of them.
 */
export interface ApplicationRow {
  id: string;
  association_code: string;
  state: ApplicationState;
  version: number;
  held_from: ApplicationState | null;
  reinstatement: boolean;
  rules: Record<string, unknown>;
  /** Loaded only in draft and lapsed, whose events (submit, reinstate) judge the portfolio. */
  portfolio: Record<string, unknown> | null;
  /** The applicant's own address, loaded with the portfolio (no rater may have it). */
  applicant_email: string | null;
  amended_at: Date | null;
  exam_approved_at: Date | null;
  state_changed_at: Date;
  rated_roles: string[];
  /** The exam so far: attempts made, the latest attempt's scores (percent), whether one waits for its result. */
  exam: { attempts: number; part1: number | null; part2: number | null; pending: boolean } | null;
  /** Loaded only in renewal_due, the one state whose event (renew) judges the cycle's hours. */
  renewal?: RenewalFacts;
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

const SELECT_APPLICATION_ROW = `
  SELECT a.id, a.association_code, a.state, a.version, a.held_from, a.reinstatement, a.rules,
         CASE WHEN a.state IN ('draft', 'lapsed') THEN a.portfolio END AS portfolio,
         CASE WHEN a.state = 'draft' THEN (SELECT p.email FROM people p WHERE p.id = a.applicant_id) END AS applicant_email,
         a.amended_at, a.exam_approved_at, a.state_changed_at,
         CASE WHEN a.state = 'reference_checks'
              THEN ARRAY(SELECT DISTINCT r.role FROM application_references r WHERE r.application_id = a.id AND r.status = 'rated' AND r.revoked_at IS NULL)
              ELSE '{}' END AS rated_roles,
         CASE WHEN a.state = 'exam' THEN (
           SELECT json_build_object('attempts', count(*), 'part1', (array_agg(x.part1_percent ORDER BY x.attempt_no DESC))[1],
                                    'part2', (array_agg(x.part2_percent ORDER BY x.attempt_no DESC))[1],
                                    'pending', coalesce(bool_or(x.decided_at IS NULL), false))
             FROM exam_attempts x WHERE x.application_id = a.id) END AS exam
    FROM applications a
   WHERE a.id = $1`;

// A renew transition happens once a year per endorsement: its facts get a query of their own rather
// than weigh on the planning of every other transition.
const SELECT_RENEWAL_FACTS = `
  SELECT json_build_object(
           'entries', (SELECT coalesce(json_agg(json_build_object('kind', c.kind, 'hours', c.hours, 'dei', c.dei, 'aboutRsc', c.about_rsc)), '[]')
                         FROM ce_entries c WHERE c.person_id = a.applicant_id AND c.status = 'approved'
                          AND c.completed_on > a.renewal_due_on - interval '1 year'),
           'requirements', (SELECT json_agg(o.rules->'rules'->'renewal') FROM applications o
                             WHERE o.applicant_id = a.applicant_id AND o.state IN ('endorsed', 'renewal_due')),
           'firstCycle', extract(year FROM a.renewal_due_on) = extract(year FROM a.endorsed_at AT TIME ZONE (a.rules->'association'->>'timeZone')) + 1,
           'providesRsc', coalesce(a.portfolio->'work' @> '[{"providesRsc": true}]', false),
           'yearsEndorsed', coalesce(extract(year FROM age($2::timestamptz, a.endorsed_at))::int, 0)) AS renewal
    FROM applications a
   WHERE a.id = $1`; // $2: now, from the Clock

/** Reads an application and the guard facts its state's events need, inside the caller's transaction. */
export async function loadApplicationRow(manager: EntityManager, id: string, now: Date): Promise<ApplicationRow | undefined> {
  const [app] = await manager.query<ApplicationRow[]>(SELECT_APPLICATION_ROW, [id]);
  if (app?.state === 'renewal_due') app.renewal = await loadRenewalFacts(manager, id, now);
  return app;
}

/** The renewal facts of an endorsement's current cycle (also what its holder's progress is shown against). */
export async function loadRenewalFacts(manager: Pick<EntityManager, 'query'>, id: string, now: Date): Promise<RenewalFacts> {
  const [{ renewal }] = await manager.query<{ renewal: RenewalFacts }[]>(SELECT_RENEWAL_FACTS, [id, now]);
  return renewal;
}
