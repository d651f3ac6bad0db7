/** An exam sitting as staff and applicants see it. */
export interface ExamWindowView {
  id: string;
  associationCode: string;
  /** The sitting's date where the association is (YYYY-MM-DD). */
  sitsOn: string;
  registrationClosesAt: string;
  online: boolean;
  location: string | null;
  capacity: number;
  seatsLeft: number;
}

/**
 * Columns for ExamWindowView from `exam_windows w`. A seat is taken by an attempt already decided or
 * by an application still headed for the exam: a withdrawn or denied applicant's seat is free again.
 */
export const EXAM_WINDOW_COLUMNS = `w.id, w.association_code AS "associationCode", to_char(w.sits_on, 'YYYY-MM-DD') AS "sitsOn",
  to_char(w.registration_closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "registrationClosesAt", w.online, w.location, w.capacity,
  w.capacity - (SELECT count(*)::int FROM exam_attempts x JOIN applications a ON a.id = x.application_id
                 WHERE x.window_id = w.id AND (x.decided_at IS NOT NULL OR a.state IN ('exam', 'on_hold'))) AS "seatsLeft"`;
