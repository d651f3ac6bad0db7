import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { staffAssociation } from '../staff/staff-scope.js';
import type { ExamWindowView } from './exam-window.view.js';
import { ExamRepository } from './exam.repository.js';

export interface ListExamWindowsQuery {
  caller: AuthenticatedAccount;
  associationCode?: string;
  /** Sittings on or after this date (YYYY-MM-DD); all when absent. */
  from?: string;
}

/** Staff: the sittings of their association (an Alliance administrator: all, or one named), soonest first. */
@Injectable()
export class ListExamWindows {
  constructor(private readonly exams: ExamRepository) {}

  async execute(query: ListExamWindowsQuery): Promise<{ windows: ExamWindowView[] }> {
    const windows = await this.exams.listWindows(staffAssociation(query.caller, query.associationCode), query.from ?? null);
    return { windows };
  }
}
