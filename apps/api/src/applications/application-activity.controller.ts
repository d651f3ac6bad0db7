import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ChangeRaterEmail, GetApplicantTimeline, ListApplicationEmails } from '#endorsement';
import {
  applicationParamsSchema,
  raterEmailSchema,
  referenceParamsSchema,
  type ApplicationParams,
  type RaterEmailBody,
  type ReferenceParams,
} from './dto/application.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { applicantTimelineResponse, applicationEmailsResponse, raterChangedResponse } from './dto/application.responses.js';

/** What happened on an application, the emails sent on the applicant's behalf, and a rater's new address. */
@ApiTags('applications')
@Controller('applications/:id')
@Roles('applicant')
export class ApplicationActivityController {
  constructor(
    private readonly getTimeline: GetApplicantTimeline,
    private readonly listEmails: ListApplicationEmails,
    private readonly changeRaterEmail: ChangeRaterEmail,
  ) {}

  @Get('timeline')
  @ApiContract({
    id: 'getApplicantTimeline',
    summary: 'Get what happened on my application',
    description: 'Each step the application took (who acted: you, staff or the system) and the steps still to come, with their dates.',
    returns: applicantTimelineResponse,
    problems: { 404: ['application_not_found'] },
  })
  timeline(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
  ): Promise<z.output<typeof applicantTimelineResponse>> {
    return this.getTimeline.execute(caller.personId, params.id);
  }

  @Get('emails')
  @ApiContract({
    id: 'listApplicationEmails',
    summary: 'List the emails sent for my application',
    description: "Emails sent to the applicant and to their raters, with each one's delivery status in a sentence (e.g. a rater's address rejected).",
    returns: applicationEmailsResponse,
    problems: { 404: ['application_not_found'] },
  })
  emails(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
  ): Promise<z.output<typeof applicationEmailsResponse>> {
    return this.listEmails.execute(caller.personId, params.id);
  }

  @Put('references/:referenceId/email')
  @ApiContract({
    id: 'replaceRaterEmail',
    summary: "Replace a rater's address",
    description: 'Names a new address (and optionally a new rater) for a reference that bounced or was not counted; the new rater is asked at once.',
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
    return this.changeRaterEmail.execute({
      personId: caller.personId,
      applicationId: params.id,
      referenceId: params.referenceId,
      email: body.email,
      raterName: body.raterName,
    });
  }
}
