import { Module } from '@nestjs/common';
import { OutboxNotifier } from '#db';
import { EndorsementModule } from '../endorsement.module.js';
import { ApproveExam } from './approve-exam.use-case.js';
import { BookExamSeat } from './book-exam-seat.js';
import { CreateExamWindow } from './create-exam-window.use-case.js';
import { ExamSeatEmail } from './exam-seat-email.js';
import { GetExamPaper } from './get-exam-paper.use-case.js';
import { ListExamPapers } from './list-exam-papers.use-case.js';
import { ListExamWindows } from './list-exam-windows.use-case.js';
import { ListOpenExamWindows } from './list-open-exam-windows.use-case.js';
import { RecordPart1 } from './record-part1.use-case.js';
import { RecordPart2Score } from './record-part2-score.use-case.js';
import { RegisterForExam } from './register-for-exam.use-case.js';

const USE_CASES = [
  CreateExamWindow,
  ListExamWindows,
  ListOpenExamWindows,
  ApproveExam,
  RegisterForExam,
  ListExamPapers,
  GetExamPaper,
  RecordPart1,
  RecordPart2Score,
];

/** The exam: sittings, approval to sit, registration and blind scoring, over the one transition path. */
@Module({
  imports: [EndorsementModule],
  providers: [OutboxNotifier, ExamSeatEmail, BookExamSeat, ...USE_CASES],
  exports: USE_CASES,
})
export class ExamModule {}
