import type { EntityManager } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { staffAssociation } from '../staff/staff-scope.js';
import { ExamProblems } from './exam.problems.js';
import type { ExamRepository, OpenPaper } from './exam.repository.js';
import { localDate } from './local-date.js';

/**
 * The open paper in the caller's scope (404 otherwise, as for a paper that does not exist), once its
 * sitting has taken place, locked until the caller's transaction ends.
 */
export async function lockOpenPaper(
  exams: ExamRepository,
  manager: EntityManager,
  caller: AuthenticatedAccount,
  paperId: string,
  now: Date,
): Promise<OpenPaper> {
  const paper = await exams.lockOpenPaper(paperId, staffAssociation(caller), caller.personId, manager);
  if (!paper) throw ExamProblems.paperNotFound();
  if (paper.sits_on > localDate(now, paper.rules.association.timeZone)) throw ExamProblems.notSatYet(paper.sits_on);
  return paper;
}
