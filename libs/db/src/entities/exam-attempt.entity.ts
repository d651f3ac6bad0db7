import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Account } from './account.entity.js';
import { Application } from './application.entity.js';
import { ExamWindow } from './exam-window.entity.js';

/**
 * TypeORM compares a column default with the database's text after stripping `::type` casts with a
 * regex that also eats the space after one (typeorm/typeorm#3076), so this is the migration's
 * `('C-' || upper(substr(md5(gen_random_uuid()::text), 1, 10)))` as TypeORM reads it back. Not valid
 * SQL on its own: it exists only so the schema diff matches; the migration owns the real default.
 */
const CANDIDATE_CODE_DEFAULT_AS_TYPEORM_READS_IT = "('C-'|| upper(substr(md5((gen_random_uuid())), 1, 10)))";

/** One sitting of the exam by one applicant; the candidate code is all an exam reviewer sees of them. */
@Unique('exam_attempts_no_uq', ['applicationId', 'attemptNo'])
@Index('exam_attempts_candidate_code_uq', ['candidateCode'], { unique: true })
@Index('exam_attempts_window_idx', ['windowId'])
@Check('exam_attempts_retake_request_check', 'length(retake_request) <= 4000')
@Entity('exam_attempts')
export class ExamAttempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey(() => Application, { name: 'exam_attempts_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @Column({ name: 'attempt_no', type: 'integer' }) attemptNo: number;
  @Column({ name: 'part1_percent', type: 'numeric', precision: 5, scale: 2, nullable: true }) part1Percent: string | null;
  @Column({ name: 'part2_percent', type: 'numeric', precision: 5, scale: 2, nullable: true }) part2Percent: string | null;
  @Column({ name: 'sat_on', type: 'date', nullable: true }) satOn: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @ForeignKey(() => ExamWindow, { name: 'exam_attempts_window_id_fkey' })
  @Column({ name: 'window_id', type: 'uuid', nullable: true })
  windowId: string | null;
  @Column({ name: 'candidate_code', type: 'text', default: () => CANDIDATE_CODE_DEFAULT_AS_TYPEORM_READS_IT }) candidateCode: string;
  @ForeignKey(() => Account, { name: 'exam_attempts_registered_by_fkey' })
  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy: string | null;
  @Column({ name: 'retake_request', type: 'text', nullable: true }) retakeRequest: string | null;
  @ForeignKey(() => Account, { name: 'exam_attempts_part1_recorded_by_fkey' })
  @Column({ name: 'part1_recorded_by', type: 'uuid', nullable: true })
  part1RecordedBy: string | null;
  @Column({ name: 'part1_recorded_at', type: 'timestamptz', nullable: true }) part1RecordedAt: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
