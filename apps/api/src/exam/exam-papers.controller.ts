import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { GetExamPaper, ListExamPapers, RecordPart1, RecordPart2Score, type ExamPaperView } from '#endorsement';
import { listPapersQuerySchema, paperParamsSchema, scoreSchema, type ListPapersQuery, type PaperParams, type ScoreBody } from './dto/exam-paper.schema.js';

/**
 * Blind scoring: papers carry a candidate code, never who wrote them. Part 1 (multiple choice) is
 * recorded by a coordinator or exam reviewer; part 2 is scored by two different exam reviewers.
 */
@Controller('exam/papers')
export class ExamPapersController {
  constructor(
    private readonly listPapers: ListExamPapers,
    private readonly getPaper: GetExamPaper,
    private readonly recordPart1: RecordPart1,
    private readonly recordPart2: RecordPart2Score,
  ) {}

  @Get()
  @Roles('exam_reviewer', 'coordinator', 'administrator')
  list(@CurrentAccount() caller: AuthenticatedAccount, @Query({ schema: listPapersQuerySchema }) query: ListPapersQuery): Promise<{ papers: ExamPaperView[]; next: string | null }> {
    return this.listPapers.execute({ caller, ...query });
  }

  @Get(':paperId')
  @Roles('exam_reviewer', 'coordinator', 'administrator')
  paper(@CurrentAccount() caller: AuthenticatedAccount, @Param({ schema: paperParamsSchema }) params: PaperParams): Promise<ExamPaperView> {
    return this.getPaper.execute(caller, params.paperId);
  }

  @Post(':paperId/part1')
  @Roles('exam_reviewer', 'coordinator', 'administrator')
  part1(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: paperParamsSchema }) params: PaperParams,
    @Body({ schema: scoreSchema }) body: ScoreBody,
  ): Promise<{ paperId: string; decided: boolean }> {
    return this.recordPart1.execute({ caller, paperId: params.paperId, percent: body.percent });
  }

  @Post(':paperId/part2-scores')
  @Roles('exam_reviewer')
  part2(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: paperParamsSchema }) params: PaperParams,
    @Body({ schema: scoreSchema }) body: ScoreBody,
  ): Promise<{ paperId: string; decided: boolean }> {
    return this.recordPart2.execute({ caller, paperId: params.paperId, percent: body.percent });
  }
}
