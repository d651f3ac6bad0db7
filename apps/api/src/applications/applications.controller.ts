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
  type ApplicationSummary,
  type ApplicationView,
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

type StepTaken = { applicationId: string; state: string; version: number };

/**
 * An applicant's own applications: start one, read where it stands, submit, withdraw, and ask for
 * reinstatement after a lapse. Someone else's application answers 404, as one that does not exist.
 */
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
  start(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: startApplicationSchema }) body: StartApplicationBody): Promise<{ id: string; state: 'draft'; version: number }> {
    return this.startApplication.execute({ personId: caller.personId, ...body });
  }

  @Get()
  list(@CurrentAccount() caller: AuthenticatedAccount): Promise<{ applications: ApplicationSummary[] }> {
    return this.listApplications.execute(caller.personId);
  }

  @Get(':id')
  async detail(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApplicationView> {
    const view = await this.getApplication.execute(caller.personId, params.id);
    res.setHeader('ETag', versionTag(view.version));
    return view;
  }

  @Post(':id/submit')
  @HttpCode(200)
  async submit(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body({ schema: noBodySchema }) _body: undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StepTaken> {
    return stepTaken(res, await this.submitApplication.execute({ personId: caller.personId, applicationId: params.id, expectedVersion: optionalVersion(ifMatch) }));
  }

  @Post(':id/withdraw')
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
