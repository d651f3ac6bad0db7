import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { staffAssociation } from '../staff/staff-scope.js';
import { OPEN_PAPERS, type ExamPaperView } from './exam-paper.view.js';

export interface ListExamPapersQuery {
  caller: AuthenticatedAccount;
  limit: number;
  /** The last paper of the previous page (keyset: sitting date, then id). */
  after?: string;
}

/** The open papers of the caller's association, oldest sitting first. */
@Injectable()
export class ListExamPapers {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ caller, limit, after }: ListExamPapersQuery): Promise<{ papers: ExamPaperView[]; next: string | null }> {
    const papers = await this.dataSource.query<ExamPaperView[]>(
      `${OPEN_PAPERS}
         AND ($4::uuid IS NULL OR (w.sits_on, x.id) > (SELECT cw.sits_on, cx.id FROM exam_attempts cx JOIN exam_windows cw ON cw.id = cx.window_id WHERE cx.id = $4))
       ORDER BY w.sits_on, x.id LIMIT $5`,
      [staffAssociation(caller), caller.id, caller.personId, after ?? null, limit + 1],
    );
    const more = papers.length > limit;
    return { papers: papers.slice(0, limit), next: more ? papers[limit - 1].paperId : null };
  }
}
