import type { EntityManager } from 'typeorm';
import type { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import type { ExamRepository, OpenPaper } from './exam.repository.js';

/**
 * Once part 1 and every blind part 2 score are in, the attempt is decided: part 2 counts as the mean
 * of its scores, each part passes at the pinned rules' pass mark, and the system fires pass_exam or
 * fail_exam (whose guards choose between a retake and the end). Until then, nothing happens.
 */
export async function decideExamAttempt(
  exams: ExamRepository,
  manager: EntityManager,
  transition: TransitionApplication,
  paper: OpenPaper,
  now: Date,
): Promise<TransitionResult | null> {
  const exam = paper.rules.rules.exam!;
  const scores = await exams.part2Mean(paper.id, manager);
  if (paper.part1 === null || scores.n < exam.part2.blindReviewers) return null;
  // The guards read these stored (rounded) values back: decide on the same numbers.
  const part2 = scores.mean!;
  await exams.markDecided(paper.id, part2, now, manager);
  const passed = paper.part1 >= exam.part1.passPercent && part2 >= exam.part2.passPercent;
  return transition.executeIn(manager, {
    applicationId: paper.application_id,
    event: passed ? 'pass_exam' : 'fail_exam',
    actor: { id: null, role: 'system' },
    payload: { paperId: paper.id, part1: paper.part1, part2 },
  });
}
