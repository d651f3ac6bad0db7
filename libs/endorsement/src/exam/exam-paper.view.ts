/**
 * A paper as exam reviewers see it: a candidate code, never a name, address or application id, and
 * of part 2 only how many scores are in and the caller's own, so the two scores stay independent.
 */
export interface ExamPaperView {
  paperId: string;
  candidateCode: string;
  category: string;
  window: { id: string; sitsOn: string; online: boolean; location: string | null };
  part1: { recorded: boolean };
  part2: { scoresIn: number; scoresNeeded: number; yourScore: number | null };
}

/**
 * Open papers (undecided, application still in the exam) in scope: $1 the caller's association (null:
 * all), $2 the caller's account (their own score), $3 their person (their own paper is never theirs
 * to see or score).
 */
export const OPEN_PAPERS = `
  SELECT x.id AS "paperId", x.candidate_code AS "candidateCode", a.rules->>'displayName' AS category,
         json_build_object('id', w.id, 'sitsOn', to_char(w.sits_on, 'YYYY-MM-DD'), 'online', w.online, 'location', w.location) AS window,
         json_build_object('recorded', x.part1_percent IS NOT NULL) AS part1,
         json_build_object('scoresIn', (SELECT count(*) FROM exam_part2_scores s WHERE s.attempt_id = x.id),
                           'scoresNeeded', (a.rules #>> '{rules,exam,part2,blindReviewers}')::int,
                           'yourScore', (SELECT s.percent FROM exam_part2_scores s WHERE s.attempt_id = x.id AND s.reviewer_id = $2)) AS part2
    FROM exam_attempts x JOIN applications a ON a.id = x.application_id JOIN exam_windows w ON w.id = x.window_id
   WHERE x.decided_at IS NULL AND a.state = 'exam' AND ($1::text IS NULL OR a.association_code = $1) AND a.applicant_id <> $3`;
