import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { staffAssociation } from '../staff/staff-scope.js';
import { EXAM_WINDOW_COLUMNS, type ExamWindowView } from './exam-window.view.js';

export interface ListExamWindowsQuery {
  caller: AuthenticatedAccount;
  associationCode?: string;
  /** Sittings on or after this date (YYYY-MM-DD); all when absent. */
  from?: string;
}

const MAX_WINDOWS = 200;

/** Staff: the sittings of their association (an Alliance administrator: all, or one named), soonest first. */
@Injectable()
export class ListExamWindows {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListExamWindowsQuery): Promise<{ windows: ExamWindowView[] }> {
    const windows = await this.dataSource.query<ExamWindowView[]>(
      `SELECT ${EXAM_WINDOW_COLUMNS} FROM exam_windows w
        WHERE ($1::text IS NULL OR w.association_code = $1) AND ($2::date IS NULL OR w.sits_on >= $2::date)
        ORDER BY w.sits_on, w.id LIMIT ${MAX_WINDOWS}`,
      [staffAssociation(query.caller, query.associationCode), query.from ?? null],
    );
    return { windows };
  }
}
