import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ApproveExam, type ApproveExamResult } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { expectedVersion, versionTag } from '../staff/if-match.js';
import { examApprovalSchema, type ExamApprovalBody } from './dto/exam-registration.schema.js';

/** Staff approve an applicant to sit the exam, at the version they saw (If-Match), optionally booking a seat. */
@Controller('staff/applications/:id/exam-approval')
@Roles('coordinator', 'administrator')
export class ExamApprovalController {
  constructor(private readonly approveExam: ApproveExam) {}

  @Post()
  @HttpCode(200)
  async approve(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: examApprovalSchema }) body: ExamApprovalBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApproveExamResult> {
    const result = await this.approveExam.execute({ caller, applicationId: params.id, expectedVersion: expectedVersion(ifMatch), windowId: body.windowId });
    res.setHeader('ETag', versionTag(result.version));
    return result;
  }
}
