import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { staffAssociation } from '../staff/staff-scope.js';
import { OPEN_PAPERS, type ExamPaperView } from './exam-paper.view.js';
import { ExamProblems } from './exam.problems.js';

/** One open paper of the caller's association. */
@Injectable()
export class GetExamPaper {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthenticatedAccount, paperId: string): Promise<ExamPaperView> {
    const [paper] = await this.dataSource.query<ExamPaperView[]>(`${OPEN_PAPERS} AND x.id = $4`, [staffAssociation(caller), caller.id, caller.personId, paperId]);
    if (!paper) throw ExamProblems.paperNotFound();
    return paper;
  }
}
