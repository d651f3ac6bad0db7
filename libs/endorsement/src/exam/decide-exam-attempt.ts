import type { EntityManager } from 'typeorm';
import type { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import type { OpenPaper } from './lock-open-paper.js';

/**
 * Once part 1 and every blind part 2 score are in, the attempt is decided: part 2 counts as the mean
 * of its scores, each part passes at the pinned rules' pass mark, and the system fires pass_exam or
 * fail_exam (whose guards choose between a retake and the end). Until then, nothing happens.
 */
export async function decideExamAttempt(manager: EntityManager, transition: TransitionApplication, paper: OpenPaper, now: Date): Promise<TransitionResult | null> {
  const exam = paper.rules.rules.exam!;
  const [scores] = await manager.query<{ n: number; mean: number | null }[]>(
    `SELECT count(*)::int AS n, round(avg(percent), 2)::float8 AS mean FROM exam_part2_scores WHERE attempt_id = $1`,
    [paper.id],
  );
  if (paper.part1 === null || scores.n < exam.part2.blindReviewers) return null;
  // The guards read these stored (rounded) values back: decide on the same numbers.
  const part2 = scores.mean!;
  await manager.query(`UPDATE exam_attempts SET part2_percent = $2, decided_at = $3 WHERE id = $1`, [paper.id, part2, now]);
  const passed = paper.part1 >= exam.part1.passPercent && part2 >= exam.part2.passPercent;
  return transition.executeIn(manager, {
    applicationId: paper.application_id,
    event: passed ? 'pass_exam' : 'fail_exam',
    actor: { id: null, role: 'system' },
    payload: { paperId: paper.id, part1: paper.part1, part2 },
  });
}
