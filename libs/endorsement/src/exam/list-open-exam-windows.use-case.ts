import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import type { ExamWindowView } from './exam-window.view.js';
import { ExamRepository } from './exam.repository.js';

/** Applicants: the sittings of their association still open for registration with a seat left. */
@Injectable()
export class ListOpenExamWindows {
  constructor(
    private readonly exams: ExamRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: AuthenticatedAccount): Promise<{ windows: ExamWindowView[] }> {
    const windows = await this.exams.listOpenWindows(caller.associationCode, this.clock.now());
    return { windows };
  }
}
