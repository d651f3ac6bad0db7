import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import { EXAM_WINDOW_COLUMNS, type ExamWindowView } from './exam-window.view.js';

/** Applicants: the sittings of their association still open for registration with a seat left. */
@Injectable()
export class ListOpenExamWindows {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(caller: AuthenticatedAccount): Promise<{ windows: ExamWindowView[] }> {
    const windows = await this.dataSource.query<ExamWindowView[]>(
      `SELECT * FROM (SELECT ${EXAM_WINDOW_COLUMNS} FROM exam_windows w WHERE w.association_code = $1 AND w.registration_closes_at > $2) open
        WHERE open."seatsLeft" > 0 ORDER BY open."sitsOn", open.id`,
      [caller.associationCode, this.clock.now()],
    );
    return { windows };
  }
}
