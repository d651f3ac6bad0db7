import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { GetExamPaper, ListExamPapers, RecordPart1, RecordPart2Score } from '#endorsement';
import { listPapersQuerySchema, paperParamsSchema, scoreSchema, type ListPapersQuery, type PaperParams, type ScoreBody } from './dto/exam-paper.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { examPaperListResponse, examPaperResponse, scoreRecordedResponse } from './dto/exam.responses.js';

/**
 * Blind scoring: papers carry a candidate code, never who wrote them. Part 1 (multiple choice) is
 * recorded by a coordinator or exam reviewer; part 2 is scored by two different exam reviewers.
 */
@ApiTags('exam')
@Controller('exam/papers')
export class ExamPapersController {
  constructor(
    private readonly listPapers: ListExamPapers,
    private readonly getPaper: GetExamPaper,
    private readonly recordPart1: RecordPart1,
    private readonly recordPart2: RecordPart2Score,
  ) {}

  @Get()
  @ApiContract({
    id: 'listExamPapers',
    summary: 'List papers to score',
    description: 'Open papers of sittings already sat, by candidate code only; keyset pages.',
    returns: examPaperListResponse,
  })
  @Roles('exam_reviewer', 'coordinator', 'administrator')
  list(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Query({ schema: listPapersQuerySchema }) query: ListPapersQuery,
  ): Promise<z.output<typeof examPaperListResponse>> {
    return this.listPapers.execute({ caller, ...query });
  }

  @Get(':paperId')
  @ApiContract({
    id: 'getExamPaper',
    summary: 'Get a paper to score',
    description: 'One open paper, by candidate code only, with the scores still needed.',
    returns: examPaperResponse,
    problems: { 404: ['exam_paper_not_found'] },
  })
  @Roles('exam_reviewer', 'coordinator', 'administrator')
  paper(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: paperParamsSchema }) params: PaperParams,
  ): Promise<z.output<typeof examPaperResponse>> {
    return this.getPaper.execute(caller, params.paperId);
  }

  @Post(':paperId/part1')
  @ApiContract({
    id: 'recordExamPart1',
    summary: 'Record the part 1 result',
    description: 'Records the multiple-choice result (percent) of a paper; with part 2 scored, the attempt is decided.',
    status: 201,
    returns: scoreRecordedResponse,
    problems: { 404: ['exam_paper_not_found'], 409: ['exam_not_sat_yet', 'part1_already_recorded'] },
  })
  @Roles('exam_reviewer', 'coordinator', 'administrator')
  part1(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: paperParamsSchema }) params: PaperParams,
    @Body({ schema: scoreSchema }) body: ScoreBody,
  ): Promise<z.output<typeof scoreRecordedResponse>> {
    return this.recordPart1.execute({ caller, paperId: params.paperId, percent: body.percent });
  }

  @Post(':paperId/part2-scores')
  @ApiContract({
    id: 'scoreExamPart2',
    summary: 'Score part 2',
    description: "Records the caller's score (percent) of a paper's written part; two different exam reviewers score each paper.",
    status: 201,
    returns: scoreRecordedResponse,
    problems: { 404: ['exam_paper_not_found'], 409: ['exam_not_sat_yet', 'part2_already_scored', 'part2_complete'] },
  })
  @Roles('exam_reviewer')
  part2(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: paperParamsSchema }) params: PaperParams,
    @Body({ schema: scoreSchema }) body: ScoreBody,
  ): Promise<z.output<typeof scoreRecordedResponse>> {
    return this.recordPart2.execute({ caller, paperId: params.paperId, percent: body.percent });
  }
}
