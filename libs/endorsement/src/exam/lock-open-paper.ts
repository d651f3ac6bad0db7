import type { EntityManager } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import type { RulesSnapshot } from '#framework';
import { staffAssociation } from '../staff/staff-scope.js';
import { ExamProblems } from './exam.problems.js';
import { localDate } from './local-date.js';

/** An open paper being scored, locked until the scorer's transaction ends. */
export interface OpenPaper {
  id: string;
  application_id: string;
  part1: number | null;
  sits_on: string;
  rules: RulesSnapshot;
}

/**
 * The open paper in the caller's scope (404 otherwise, as for a paper that does not exist), once its
 * sitting has taken place. Locking it serialises its scorers, so the last score in decides once.
 */
export async function lockOpenPaper(manager: EntityManager, caller: AuthenticatedAccount, paperId: string, now: Date): Promise<OpenPaper> {
  const [paper] = await manager.query<OpenPaper[]>(
    `SELECT x.id, x.application_id, x.part1_percent::float8 AS part1, to_char(w.sits_on, 'YYYY-MM-DD') AS sits_on, a.rules
       FROM exam_attempts x JOIN applications a ON a.id = x.application_id JOIN exam_windows w ON w.id = x.window_id
      WHERE x.id = $1 AND x.decided_at IS NULL AND a.state = 'exam' AND ($2::text IS NULL OR a.association_code = $2) AND a.applicant_id <> $3
        FOR UPDATE OF x`,
    [paperId, staffAssociation(caller), caller.personId],
  );
  if (!paper) throw ExamProblems.paperNotFound();
  if (paper.sits_on > localDate(now, paper.rules.association.timeZone)) throw ExamProblems.notSatYet(paper.sits_on);
  return paper;
}
