import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import {
  AssignApplication,
  ClearEmailSuppression,
  FireStaffTransition,
  GetApplicationTimeline,
  GetStaffApplication,
  RecordVettingCall,
  ReplaceRaterForApplicant,
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
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { TRANSITION_PROBLEMS } from '../docs/problem-responses.js';
import { raterChangedResponse } from '../applications/dto/application.responses.js';
import { raterEmailSchema, type RaterEmailBody } from '../applications/dto/application.schema.js';
import { emailParamsSchema, type EmailParams } from '../dto/application-params.schema.js';
import { stepTakenResponse } from '../dto/response-fields.js';
import { assignmentResponse, staffApplicationResponse, staffTimelineResponse, vettingCallResponse } from './dto/staff.responses.js';

/**
 * One application under staff review: its full record and audit trail, who works on it, its
 * transitions (at the version the caller saw: If-Match), the vetting calls to its raters and their new addresses.
 * Another association's application answers 404, as one that does not exist.
 */
@ApiTags('staff')
@Controller('staff/applications/:id')
@Roles('coordinator', 'administrator')
export class StaffApplicationController {
  constructor(
    private readonly getApplication: GetStaffApplication,
    private readonly getTimeline: GetApplicationTimeline,
    private readonly assignment: AssignApplication,
    private readonly fireTransition: FireStaffTransition,
    private readonly recordVettingCall: RecordVettingCall,
    private readonly replaceRater: ReplaceRaterForApplicant,
    private readonly clearSuppression: ClearEmailSuppression,
  ) {}

  @Get()
  @ApiContract({
    id: 'getStaffApplication',
    summary: 'Get an application under review',
    description:
      "The full record: applicant, portfolio, references with their ratings and vetting calls, emails, exam attempts and panel votes. The ETag is the version to send as If-Match. Another association's application answers 404.",
    returns: staffApplicationResponse,
    etag: true,
    problems: { 404: ['application_not_found'] },
  })
  async detail(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof staffApplicationResponse>> {
    const detail = await this.getApplication.execute({ caller, applicationId: params.id });
    res.setHeader('ETag', versionTag(detail.version));
    // The version tags the workflow state only: references, steps and emails change under the same tag, so a
    // browser must never answer this from its cache (a 304 on If-None-Match would show stale references).
    res.setHeader('Cache-Control', 'no-store');
    // Built as JSON by PostgreSQL: its TS type is a claim, checked against this schema by the journeys' response validation.
    return detail as unknown as z.output<typeof staffApplicationResponse>;
  }

  @Get('timeline')
  @ApiContract({
    id: 'getStaffApplicationTimeline',
    summary: "Get an application's audit trail",
    description: 'Every transition with who made it and why (with the panel votes behind a panel outcome), and every claim, assignment and panel.',
    returns: staffTimelineResponse,
    problems: { 404: ['application_not_found'] },
  })
  timeline(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
  ): Promise<z.output<typeof staffTimelineResponse>> {
    return this.getTimeline.execute({ caller, applicationId: params.id });
  }

  @Post('claim')
  @ApiContract({
    id: 'claimApplication',
    summary: 'Claim an application',
    description: 'Makes the caller its assignee; 409 when someone else has it.',
    returns: assignmentResponse,
    problems: { 404: ['application_not_found'], 409: ['already_claimed'] },
  })
  @HttpCode(200)
  claim(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
  ): Promise<z.output<typeof assignmentResponse>> {
    return this.assignment.claim({ caller, applicationId: params.id });
  }

  @Post('assign')
  @ApiContract({
    id: 'assignApplication',
    summary: 'Assign an application',
    description: 'Gives the application to a coordinator or administrator of its association, or to nobody (`accountId: null`).',
    returns: assignmentResponse,
    problems: { 404: ['application_not_found'], 422: ['invalid_assignee'] },
  })
  @HttpCode(200)
  assign(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Body({ schema: assignSchema }) body: AssignBody,
  ): Promise<z.output<typeof assignmentResponse>> {
    return this.assignment.assign({ caller, applicationId: params.id, accountId: body.accountId });
  }

  @Post('transitions')
  @ApiContract({
    id: 'fireStaffTransition',
    summary: 'Move an application to its next state',
    description:
      'Fires a workflow event (e.g. `begin_reference_checks`, `hold` with a reason) at the version the caller saw. Events with a route of their own (exam approval, panel) answer 422 `dedicated_endpoint`.',
    returns: stepTakenResponse,
    etag: true,
    ifMatch: 'required',
    problems: { ...TRANSITION_PROBLEMS, 422: [...TRANSITION_PROBLEMS[422], 'dedicated_endpoint'] },
  })
  @HttpCode(200)
  async transition(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: staffTransitionSchema }) body: StaffTransitionBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof stepTakenResponse>> {
    const result = await this.fireTransition.execute({ caller, applicationId: params.id, ...body, expectedVersion: expectedVersion(ifMatch) });
    res.setHeader('ETag', versionTag(result.version));
    return result;
  }

  @Post('references/:referenceId/vetting-call')
  @ApiContract({
    id: 'recordVettingCall',
    summary: 'Record a vetting call to a rater',
    description: 'Records a call to a rater and its outcome; a call that reached the rater sets whether the reference is vetted.',
    status: 201,
    returns: vettingCallResponse,
    problems: { 404: ['application_not_found', 'reference_not_found'] },
  })
  vettingCall(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: referenceParamsSchema }) params: ReferenceParams,
    @Body({ schema: vettingCallSchema }) body: VettingCallBody,
  ): Promise<z.output<typeof vettingCallResponse>> {
    return this.recordVettingCall.execute({ caller, applicationId: params.id, referenceId: params.referenceId, ...body });
  }

  @Put('references/:referenceId/email')
  @ApiContract({
    id: 'replaceRaterEmailForApplicant',
    summary: "Replace a rater's address for the applicant",
    description:
      'Staff give a new address (and optionally a new rater) to a reference whose email bounced or failed, or that is still waiting or was not counted: the old link stops, the new rater is asked at once. ' +
      "The same checks and limits as the applicant's own change (`PUT /api/v1/applications/{id}/references/{referenceId}/email`), and the change goes on the audit timeline in the staff member's name.",
    returns: raterChangedResponse,
    problems: {
      404: ['application_not_found', 'reference_not_found'],
      409: ['reference_not_replaceable'],
      422: ['rater_not_independent'],
      429: ['too_many_rater_changes'],
    },
  })
  raterEmail(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: referenceParamsSchema }) params: ReferenceParams,
    @Body({ schema: raterEmailSchema }) body: RaterEmailBody,
  ): Promise<z.output<typeof raterChangedResponse>> {
    return this.replaceRater.execute({ caller, applicationId: params.id, referenceId: params.referenceId, email: body.email, raterName: body.raterName });
  }

  @Delete('emails/:emailId/suppression')
  @HttpCode(204)
  @ApiContract({
    id: 'clearEmailSuppression',
    summary: "Send to an email's address again",
    description:
      'An address that bounced or reported our mail as spam gets nothing more (its emails show `suppressed` with the reason) until someone gives it anew. ' +
      "This gives anew the address of one of the application's emails, once its owner has fixed their mailbox: emails to it are sent from now on.",
    status: 204,
    problems: { 404: ['application_not_found', 'email_not_found'] },
  })
  async clearEmailSuppression(@CurrentAccount() caller: AuthenticatedAccount, @Param({ schema: emailParamsSchema }) params: EmailParams): Promise<void> {
    await this.clearSuppression.execute({ caller, applicationId: params.id, emailId: params.emailId });
  }
}
