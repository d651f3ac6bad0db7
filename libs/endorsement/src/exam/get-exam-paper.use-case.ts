import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { staffAssociation } from '../staff/staff-scope.js';
import type { ExamPaperView } from './exam-paper.view.js';
import { ExamProblems } from './exam.problems.js';
import { ExamRepository } from './exam.repository.js';

/** One open paper of the caller's association. */
@Injectable()
export class GetExamPaper {
  constructor(private readonly exams: ExamRepository) {}

  async execute(caller: AuthenticatedAccount, paperId: string): Promise<ExamPaperView> {
    const paper = await this.exams.findOpenPaper({ associationCode: staffAssociation(caller), accountId: caller.id, personId: caller.personId }, paperId);
    if (!paper) throw ExamProblems.paperNotFound();
    return paper;
  }
}
