import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ApproveExam } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { expectedVersion, versionTag } from '../staff/if-match.js';
import { examApprovalSchema, type ExamApprovalBody } from './dto/exam-registration.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { TRANSITION_PROBLEMS } from '../docs/problem-responses.js';
import { examApprovalResponse } from './dto/exam.responses.js';

/** Staff approve an applicant to sit the exam, at the version they saw (If-Match), optionally booking a seat. */
@ApiTags('exam')
@Controller('staff/applications/:id/exam-approval')
@Roles('coordinator', 'administrator')
export class ExamApprovalController {
  constructor(private readonly approveExam: ApproveExam) {}

  @Post()
  @ApiContract({
    id: 'approveExam',
    summary: 'Approve an applicant to sit the exam',
    description: 'Moves the application into the exam at the version the caller saw, and books a seat when a sitting (`windowId`) is named.',
    returns: examApprovalResponse,
    etag: true,
    ifMatch: 'required',
    problems: {
      ...TRANSITION_PROBLEMS,
      404: [...TRANSITION_PROBLEMS[404], 'exam_window_not_found'],
      409: [...TRANSITION_PROBLEMS[409], 'registration_closed', 'exam_window_full'],
      422: [...TRANSITION_PROBLEMS[422], 'approval_expires_before_sitting'],
    },
  })
  @HttpCode(200)
  async approve(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: examApprovalSchema }) body: ExamApprovalBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof examApprovalResponse>> {
    const result = await this.approveExam.execute({ caller, applicationId: params.id, expectedVersion: expectedVersion(ifMatch), windowId: body.windowId });
    res.setHeader('ETag', versionTag(result.version));
    return result;
  }
}
