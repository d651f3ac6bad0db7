import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { staffAssociation } from '../staff/staff-scope.js';
import type { ExamPaperView } from './exam-paper.view.js';
import { ExamRepository } from './exam.repository.js';

export interface ListExamPapersQuery {
  caller: AuthenticatedAccount;
  limit: number;
  /** The last paper of the previous page (keyset: sitting date, then id). */
  after?: string;
}

/** The open papers of the caller's association, oldest sitting first. */
@Injectable()
export class ListExamPapers {
  constructor(private readonly exams: ExamRepository) {}

  async execute({ caller, limit, after }: ListExamPapersQuery): Promise<{ papers: ExamPaperView[]; next: string | null }> {
    const papers = await this.exams.listOpenPapers(
      { associationCode: staffAssociation(caller), accountId: caller.id, personId: caller.personId },
      after ?? null,
      limit + 1,
    );
    const more = papers.length > limit;
    return { papers: papers.slice(0, limit), next: more ? papers[limit - 1].paperId : null };
  }
}
