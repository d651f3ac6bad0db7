import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Account } from './account.entity.js';
import { ExamAttempt } from './exam-attempt.entity.js';

/** One of the two independent part 2 scores of an attempt. */
@Check('exam_part2_scores_percent_check', 'percent BETWEEN 0 AND 100')
@Entity('exam_part2_scores')
export class ExamPart2Score {
  @ForeignKey(() => ExamAttempt, { name: 'exam_part2_scores_attempt_id_fkey' })
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;
  @ForeignKey(() => Account, { name: 'exam_part2_scores_reviewer_id_fkey' })
  @PrimaryColumn({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;
  @Column({ type: 'numeric', precision: 5, scale: 2 }) percent: string;
  @Column({ name: 'scored_at', type: 'timestamptz' }) scoredAt: Date;
}
