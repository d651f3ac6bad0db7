import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ChangeRaterEmail, GetApplicantTimeline, ListApplicationEmails, type ApplicantTimelineEntry, type EmailStatusView, type PendingStep } from '#endorsement';
import {
  applicationParamsSchema,
  raterEmailSchema,
  referenceParamsSchema,
  type ApplicationParams,
  type RaterEmailBody,
  type ReferenceParams,
} from './dto/application.schema.js';

/** What happened on an application, the emails sent on the applicant's behalf, and a rater's new address. */
@Controller('applications/:id')
@Roles('applicant')
export class ApplicationActivityController {
  constructor(
    private readonly getTimeline: GetApplicantTimeline,
    private readonly listEmails: ListApplicationEmails,
    private readonly changeRaterEmail: ChangeRaterEmail,
  ) {}

  @Get('timeline')
  timeline(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
  ): Promise<{ events: ApplicantTimelineEntry[]; pendingSteps: PendingStep[] }> {
    return this.getTimeline.execute(caller.personId, params.id);
  }

  @Get('emails')
  emails(@CurrentAccount() caller: AuthenticatedAccount, @Param({ schema: applicationParamsSchema }) params: ApplicationParams): Promise<{ emails: EmailStatusView[] }> {
    return this.listEmails.execute(caller.personId, params.id);
  }

  @Put('references/:referenceId/email')
  raterEmail(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: referenceParamsSchema }) params: ReferenceParams,
    @Body({ schema: raterEmailSchema }) body: RaterEmailBody,
  ): Promise<{ referenceId: string }> {
    return this.changeRaterEmail.execute({ personId: caller.personId, applicationId: params.id, referenceId: params.referenceId, email: body.email, raterName: body.raterName });
  }
}
