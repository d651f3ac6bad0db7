import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import {
  GetApplication,
  ListApplications,
  ReinstateEndorsement,
  StartApplication,
  SubmitApplication,
  WithdrawApplication,
  type TransitionResult,
} from '#endorsement';
import { versionTag } from '../staff/if-match.js';
import {
  applicationParamsSchema,
  noBodySchema,
  reinstateSchema,
  startApplicationSchema,
  withdrawSchema,
  type ApplicationParams,
  type ReinstateBody,
  type StartApplicationBody,
  type WithdrawBody,
} from './dto/application.schema.js';
import { optionalVersion } from './if-match.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { TRANSITION_PROBLEMS } from '../docs/problem-responses.js';
import { stepTakenResponse } from '../dto/response-fields.js';
import { applicationListResponse, applicationViewResponse, startedApplicationResponse } from './dto/application.responses.js';

type StepTaken = z.output<typeof stepTakenResponse>;

/**
 * An applicant's own applications: start one, read where it stands, submit, withdraw, and ask for
 * reinstatement after a lapse. Someone else's application answers 404, as one that does not exist.
 */
@ApiTags('applications')
@Controller('applications')
@Roles('applicant')
export class ApplicationsController {
  constructor(
    private readonly startApplication: StartApplication,
    private readonly listApplications: ListApplications,
    private readonly getApplication: GetApplication,
    private readonly submitApplication: SubmitApplication,
    private readonly withdrawApplication: WithdrawApplication,
    private readonly reinstateEndorsement: ReinstateEndorsement,
  ) {}

  @Post()
  @ApiContract({
    id: 'startApplication',
    summary: 'Start an application',
    description: 'Starts a draft application for a category (and track) of an association; the portfolio is then filled in section by section.',
    status: 201,
    returns: startedApplicationResponse,
    problems: { 403: ['other_association'], 409: ['application_exists'], 422: ['category_not_offered', 'unknown_association'] },
  })
  start(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Body({ schema: startApplicationSchema }) body: StartApplicationBody,
  ): Promise<z.output<typeof startedApplicationResponse>> {
    return this.startApplication.execute({ personId: caller.personId, ...body });
  }

  @Get()
  @ApiContract({
    id: 'listApplications',
    summary: 'List my applications',
    description: "The caller's applications, newest first.",
    returns: applicationListResponse,
  })
  list(@CurrentAccount() caller: AuthenticatedAccount): Promise<z.output<typeof applicationListResponse>> {
    return this.listApplications.execute(caller.personId);
  }

  @Get(':id')
  @ApiContract({
    id: 'getApplication',
    summary: 'Get one of my applications',
    description:
      "Where the application stands: portfolio, eligibility gaps, references, pending steps and the endorsement once granted. Another applicant's application answers 404.",
    returns: applicationViewResponse,
    etag: true,
    problems: { 404: ['application_not_found'] },
  })
  async detail(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof applicationViewResponse>> {
    const view = await this.getApplication.execute(caller.personId, params.id);
    res.setHeader('ETag', versionTag(view.version));
    // The version tags the workflow state only: references, steps and emails change under the same tag, so a
    // browser must never answer this from its cache (a 304 on If-None-Match would show stale references).
    res.setHeader('Cache-Control', 'no-store');
    return view;
  }

  @Post(':id/submit')
  @ApiContract({
    id: 'submitApplication',
    summary: 'Submit an application',
    description: 'Submits a draft (or an amended application) for review; 422 `not_eligible` lists the gaps when the portfolio does not meet the category yet.',
    returns: stepTakenResponse,
    etag: true,
    ifMatch: 'optional',
    problems: { ...TRANSITION_PROBLEMS, 422: [...TRANSITION_PROBLEMS[422], 'not_eligible'] },
  })
  @HttpCode(200)
  async submit(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: noBodySchema }) _body: undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StepTaken> {
    return stepTaken(
      res,
      await this.submitApplication.execute({ personId: caller.personId, applicationId: params.id, expectedVersion: optionalVersion(ifMatch) }),
    );
  }

  @Post(':id/withdraw')
  @ApiContract({
    id: 'withdrawApplication',
    summary: 'Withdraw an application',
    description: 'Withdraws the application, with an optional reason; it cannot be taken back.',
    returns: stepTakenResponse,
    etag: true,
    ifMatch: 'optional',
    problems: TRANSITION_PROBLEMS,
  })
  @HttpCode(200)
  async withdraw(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: withdrawSchema }) body: WithdrawBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StepTaken> {
    const command = { personId: caller.personId, applicationId: params.id, reason: body?.reason, expectedVersion: optionalVersion(ifMatch) };
    return stepTaken(res, await this.withdrawApplication.execute(command));
  }

  @Post(':id/reinstate')
  @ApiContract({
    id: 'reinstateEndorsement',
    summary: 'Ask to reinstate a lapsed endorsement',
    description: 'Asks for reinstatement after a lapse; new raters may be named, who are then asked for references.',
    returns: stepTakenResponse,
    etag: true,
    ifMatch: 'optional',
    problems: { ...TRANSITION_PROBLEMS, 422: [...TRANSITION_PROBLEMS[422], 'rater_not_independent', 'reinstatement_references_missing'] },
  })
  @HttpCode(200)
  async reinstate(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: reinstateSchema }) body: ReinstateBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StepTaken> {
    const command = { personId: caller.personId, applicationId: params.id, references: body?.references, expectedVersion: optionalVersion(ifMatch) };
    return stepTaken(res, await this.reinstateEndorsement.execute(command));
  }
}

/** A transition's answer: where the application now stands, with its version as the ETag. */
function stepTaken(res: Response, result: TransitionResult): StepTaken {
  res.setHeader('ETag', versionTag(result.version));
  return { applicationId: result.applicationId, state: result.to, version: result.version };
}
