import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import {
  AssignApplication,
  FireStaffTransition,
  GetApplicationTimeline,
  GetStaffApplication,
  RecordVettingCall,
  type ActivityEntry,
  type Assignment,
  type StaffApplicationDetail,
  type TimelineEntry,
} from '#endorsement';
import {
  applicationParamsSchema,
  assignSchema,
  referenceParamsSchema,
  staffTransitionSchema,
  vettingCallSchema,
  type ApplicationParams,
  type AssignBody,
  type ReferenceParams,
  type StaffTransitionBody,
  type VettingCallBody,
} from './dto/staff-application.schema.js';
import { expectedVersion, versionTag } from './if-match.js';

/**
 * One application under staff review: its full record and audit trail, who works on it, its
 * transitions (at the version the caller saw: If-Match) and the vetting calls to its raters.
 * Another association's application answers 404, as one that does not exist.
 */
@Controller('staff/applications/:id')
@Roles('coordinator', 'administrator')
export class StaffApplicationController {
  constructor(
    private readonly getApplication: GetStaffApplication,
    private readonly getTimeline: GetApplicationTimeline,
    private readonly assignment: AssignApplication,
    private readonly fireTransition: FireStaffTransition,
    private readonly recordVettingCall: RecordVettingCall,
  ) {}

  @Get()
  async detail(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StaffApplicationDetail> {
    const detail = await this.getApplication.execute({ caller, applicationId: params.id });
    res.setHeader('ETag', versionTag(detail.version));
    return detail;
  }

  @Get('timeline')
  timeline(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
  ): Promise<{ applicationId: string; events: TimelineEntry[]; activities: ActivityEntry[] }> {
    return this.getTimeline.execute({ caller, applicationId: params.id });
  }

  @Post('claim')
  @HttpCode(200)
  claim(@CurrentAccount() caller: AuthenticatedAccount, @Param({ schema: applicationParamsSchema }) params: ApplicationParams): Promise<Assignment> {
    return this.assignment.claim({ caller, applicationId: params.id });
  }

  @Post('assign')
  @HttpCode(200)
  assign(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Body({ schema: assignSchema }) body: AssignBody,
  ): Promise<Assignment> {
    return this.assignment.assign({ caller, applicationId: params.id, accountId: body.accountId });
  }

  @Post('transitions')
  @HttpCode(200)
  async transition(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: staffTransitionSchema }) body: StaffTransitionBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ applicationId: string; state: string; version: number }> {
    const result = await this.fireTransition.execute({ caller, applicationId: params.id, ...body, expectedVersion: expectedVersion(ifMatch) });
    res.setHeader('ETag', versionTag(result.version));
    return result;
  }

  @Post('references/:referenceId/vetting-call')
  vettingCall(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: referenceParamsSchema }) params: ReferenceParams,
    @Body({ schema: vettingCallSchema }) body: VettingCallBody,
  ): Promise<{ id: string; referenceId: string; vettedAt: string | null }> {
    return this.recordVettingCall.execute({ caller, applicationId: params.id, referenceId: params.referenceId, ...body });
  }
}
