import type { ExamRules } from '../schema/exam.schema.js';
import type { Finding } from './data-problems.js';

export function checkExam(exam: ExamRules): Finding[] {
  return exam.part2.vignettesToAnswer > exam.part2.vignettesOffered
    ? [{ path: ['part2', 'vignettesToAnswer'], message: 'must not exceed vignettesOffered' }]
    : [];
}
