import type { ApplicationState } from '#workflow';

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
}

export const SELECT_APPLICATION_ROW = `
  SELECT a.id, a.state, a.version, a.held_from, a.reinstatement, a.rules,
         CASE WHEN a.state = 'draft' THEN a.portfolio END AS portfolio,
         a.amended_at, a.exam_approved_at, a.state_changed_at,
         ARRAY(SELECT DISTINCT r.role FROM application_references r WHERE r.application_id = a.id AND r.status = 'rated') AS rated_roles,
         (SELECT count(*)::int FROM exam_attempts x WHERE x.application_id = a.id) AS exam_attempts,
         last.part1_percent, last.part2_percent
    FROM applications a
    LEFT JOIN LATERAL (SELECT part1_percent, part2_percent FROM exam_attempts x WHERE x.application_id = a.id
                        ORDER BY attempt_no DESC LIMIT 1) AS last ON true
   WHERE a.id = $1`;
