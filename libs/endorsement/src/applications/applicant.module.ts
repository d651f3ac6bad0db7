import { Module } from '@nestjs/common';
import { OutboxNotifier } from '#db';
import { EndorsementModule } from '../endorsement.module.js';
import { ChangeRaterEmail } from './change-rater-email.use-case.js';
import { EditPortfolioSection } from './edit-portfolio-section.use-case.js';
import { GetApplicantTimeline } from './get-applicant-timeline.use-case.js';
import { GetApplication } from './get-application.use-case.js';
import { ListApplicationEmails } from './list-application-emails.use-case.js';
import { ListApplications } from './list-applications.use-case.js';
import { PendingSteps } from './pending-steps.js';
import { ReinstateEndorsement } from './reinstate-endorsement.use-case.js';
import { StartApplication } from './start-application.use-case.js';
import { SubmitApplication } from './submit-application.use-case.js';
import { WithdrawApplication } from './withdraw-application.use-case.js';

const USE_CASES = [
  StartApplication,
  ListApplications,
  GetApplication,
  EditPortfolioSection,
  SubmitApplication,
  WithdrawApplication,
  ReinstateEndorsement,
  ChangeRaterEmail,
  GetApplicantTimeline,
  ListApplicationEmails,
];

/** What an applicant does with their own applications, over the one transition path. */
@Module({
  imports: [EndorsementModule],
  providers: [OutboxNotifier, PendingSteps, ...USE_CASES],
  exports: USE_CASES,
})
export class ApplicantModule {}
