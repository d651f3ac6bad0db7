import { Module } from '@nestjs/common';
import { OutboxNotifier } from '#db';
import { Clock, SystemClock } from '#platform';
import { ApplyEffect } from './effects/apply-effect.use-case.js';
import { SweepExamApprovals } from './exam/sweep-exam-approvals.use-case.js';
import { DeliverEmails } from './notifications/deliver-emails.use-case.js';
import { EmailModelBuilder } from './notifications/email-model.builder.js';
import { SendEmail } from './notifications/send-email.use-case.js';
import { RecordUndelivered } from './notifications/record-undelivered.use-case.js';
import { RecordBounce } from './notifications/record-bounce.use-case.js';
import { ReceiveSendgridEvents } from './webhooks/receive-sendgrid-events.use-case.js';
import { ReceiveSesNotification } from './webhooks/receive-ses-notification.use-case.js';
import { ReplaceRaterAddress } from './references/replace-rater-address.use-case.js';
import { FindReferenceByToken } from './references/find-reference-by-token.js';
import { EmailHandover } from './notifications/email-handover.js';
import { CompleteReferences } from './references/complete-references.js';
import { RateReference } from './references/rate-reference.use-case.js';
import { SweepReminders } from './reminders/sweep-reminders.use-case.js';
import { SubmitRenewal } from './renewal/submit-renewal.use-case.js';
import { SweepRenewals } from './renewal/sweep-renewals.use-case.js';
import { TakeRenewalStep } from './renewal/take-renewal-step.use-case.js';
import { GetOutlook } from './outlook/get-outlook.use-case.js';
import { ListAssociationCategories } from './associations/list-association-categories.use-case.js';
import { ListAssociations } from './associations/list-associations.use-case.js';
import { AssignApplication } from './staff/assign-application.use-case.js';
import { CountStaffQueues } from './staff/count-staff-queues.use-case.js';
import { FireStaffTransition } from './staff/fire-staff-transition.use-case.js';
import { GetApplicationTimeline } from './staff/get-application-timeline.use-case.js';
import { GetStaffApplication } from './staff/get-staff-application.use-case.js';
import { ListColleagues } from './staff/list-colleagues.use-case.js';
import { ListStaffQueue } from './staff/list-staff-queue.use-case.js';
import { RecordVettingCall } from './staff/record-vetting-call.use-case.js';
import { ReplaceRaterForApplicant } from './staff/replace-rater-for-applicant.use-case.js';
import { ClearEmailSuppression } from './staff/clear-email-suppression.use-case.js';
import { SearchRegistry } from './registry/search-registry.use-case.js';
import { SetRegistryListing } from './registry/set-registry-listing.use-case.js';
import { TransitionApplication } from './transition/transition-application.use-case.js';
import { REPOSITORIES } from './repositories.js';

const USE_CASES = [
  TransitionApplication,
  ApplyEffect,
  SendEmail,
  RecordUndelivered,
  RecordBounce,
  ReceiveSesNotification,
  ReceiveSendgridEvents,
  SweepReminders,
  ReplaceRaterAddress,
  FindReferenceByToken,
  CompleteReferences,
  RateReference,
  SweepRenewals,
  TakeRenewalStep,
  SweepExamApprovals,
  SubmitRenewal,
  GetOutlook,
  ListStaffQueue,
  CountStaffQueues,
  GetStaffApplication,
  ListColleagues,
  GetApplicationTimeline,
  AssignApplication,
  FireStaffTransition,
  RecordVettingCall,
  ReplaceRaterForApplicant,
  ClearEmailSuppression,
  SearchRegistry,
  SetRegistryListing,
  ListAssociations,
  ListAssociationCategories,
];

/** The endorsement use cases; the importing app provides the process modules (database, queues, mail). */
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, OutboxNotifier, EmailModelBuilder, DeliverEmails, EmailHandover, ...REPOSITORIES, ...USE_CASES],
  exports: [Clock, EmailHandover, ...REPOSITORIES, ...USE_CASES],
})
export class EndorsementModule {}
