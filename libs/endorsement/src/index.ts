export { EndorsementModule } from './endorsement.module.js';
export { TransitionApplication } from './transition/transition-application.use-case.js';
export { TransitionsRepository } from './transition/transitions.repository.js';
export type { TransitionCommand, TransitionResult } from './transition/transition.command.js';
export { ApplicationNotFoundError, TransitionConflictError, TransitionRefusedError } from './transition/transition.errors.js';
export { guardFactsFrom } from './transition/guard-facts-from.js';
export { ApplyEffect } from './effects/apply-effect.use-case.js';
export { SendEmail } from './notifications/send-email.use-case.js';
export { RecordUndelivered, type UndeliveredRow } from './notifications/record-undelivered.use-case.js';
export { RecordBounce, type BounceNotice, type BounceOutcome } from './notifications/record-bounce.use-case.js';
export { EmailModelBuilder } from './notifications/email-model.builder.js';
export { SweepReminders } from './reminders/sweep-reminders.use-case.js';
export { ReplaceRaterAddress, type ReplaceRaterAddressCommand } from './references/replace-rater-address.use-case.js';
export { RateReference, type RateReferenceCommand, type RateReferenceResult } from './references/rate-reference.use-case.js';
export { FindReferenceByToken, type RaterFormView } from './references/find-reference-by-token.js';
export { RaterLinkUnavailableError, type RaterLinkProblem } from './references/rater-link-unavailable.error.js';
export { NOT_ENOUGH_INFORMATION, type RatingAnswer } from './references/rating-answer.js';
export { renewalCycle, renewalCycleKey, firstDueOn, nextDueOn, type RenewalCycle, type RenewalReminder } from './renewal/renewal-calendar.js';
export {
  checkRenewalRequirements,
  type CeEntry,
  type RenewalGap,
  type RenewalRequirements,
  type RenewalSituation,
} from './renewal/check-renewal-requirements.js';
export { SweepRenewals } from './renewal/sweep-renewals.use-case.js';
export { EndorsementsRepository, type EndorsementView } from './renewal/endorsements.repository.js';
export { SweepExamApprovals } from './exam/sweep-exam-approvals.use-case.js';
export { planApprovalReminders } from './exam/plan-approval-reminders.js';
export { RemindersRepository } from './reminders/reminders.repository.js';
export { examApprovalValidity } from './exam/exam-approval-validity.js';
export { TakeRenewalStep } from './renewal/take-renewal-step.use-case.js';
export { SubmitRenewal, type Renewal, type SubmitRenewalResult } from './renewal/submit-renewal.use-case.js';
export { ListAssociations, type AssociationSummary } from './associations/list-associations.use-case.js';
export {
  ListAssociationCategories,
  type AssociationCategories,
  type OfferedCategory,
  type OfferedTrack,
  type Money,
} from './associations/list-association-categories.use-case.js';
export { GetOutlook, type GetOutlookQuery } from './outlook/get-outlook.use-case.js';
export { OUTLOOK_KINDS, type AssociationOutlook, type OutlookCounts, type OutlookKind } from './outlook/outlook.js';
export { ListStaffQueue, type ListStaffQueueCommand, type StaffQueueItem, type StaffQueuePage } from './staff/list-staff-queue.use-case.js';
export { staffQueueQuery, type StaffQueueFilter } from './staff/staff-queue.repository.js';
export { CountStaffQueues, type StaffQueueCounts } from './staff/count-staff-queues.use-case.js';
export { GetStaffApplication, type StaffApplicationDetail } from './staff/get-staff-application.use-case.js';
export { ListColleagues, type Colleague } from './staff/list-colleagues.use-case.js';
export { GetApplicationTimeline, type ActivityEntry, type PanelVoteEntry, type TimelineEntry } from './staff/get-application-timeline.use-case.js';
export { AssignApplication, type Assignment } from './staff/assign-application.use-case.js';
export { FireStaffTransition, type FireStaffTransitionCommand } from './staff/fire-staff-transition.use-case.js';
export { RecordVettingCall, VETTING_OUTCOMES, type RecordVettingCallCommand, type VettingOutcome } from './staff/record-vetting-call.use-case.js';
export { ReplaceRaterForApplicant, type ReplaceRaterForApplicantCommand } from './staff/replace-rater-for-applicant.use-case.js';
export { StaffProblems } from './staff/staff.problems.js';
export { encodeKeysetCursor, decodeKeysetCursor } from './staff/keyset-cursor.js';
export { SearchRegistry, type RegistryEntry, type SearchRegistryQuery } from './registry/search-registry.use-case.js';
export { SetRegistryListing, type SetRegistryListingCommand } from './registry/set-registry-listing.use-case.js';
export { renewalProgress, type RenewalMeasure } from './renewal/check-renewal-requirements.js';
export { ApplicantModule } from './applications/applicant.module.js';
export { StartApplication, type StartApplicationCommand } from './applications/start-application.use-case.js';
export { ListApplications, type ApplicationSummary } from './applications/list-applications.use-case.js';
export { GetApplication, type ApplicationView } from './applications/get-application.use-case.js';
export { ApplicationsRepository, type ApplicantTimelineEntry } from './applications/applications.repository.js';
export { ReferencesRepository, type ApplicantReferenceView } from './references/references.repository.js';
export { EditPortfolioSection, type EditPortfolioSectionCommand, type PortfolioSection } from './applications/edit-portfolio-section.use-case.js';
export { SubmitApplication, type SubmitApplicationCommand } from './applications/submit-application.use-case.js';
export { WithdrawApplication, type WithdrawApplicationCommand } from './applications/withdraw-application.use-case.js';
export { ReinstateEndorsement, type ReinstateEndorsementCommand } from './applications/reinstate-endorsement.use-case.js';
export { ChangeRaterEmail, type ChangeRaterEmailCommand } from './applications/change-rater-email.use-case.js';
export { GetApplicantTimeline } from './applications/get-applicant-timeline.use-case.js';
export { ListApplicationEmails, type EmailStatusView } from './applications/list-application-emails.use-case.js';
export type { PendingStep } from './applications/pending-steps.js';
export { ContinuingEducationModule } from './continuing-education/continuing-education.module.js';
export type { CeEntryForReview, CeEntryView } from './continuing-education/ce-entry.view.js';
export { RecordCeEntry, type RecordCeEntryCommand } from './continuing-education/record-ce-entry.use-case.js';
export { GetContinuingEducation, type CeProgress } from './continuing-education/get-continuing-education.use-case.js';
export { ListEndorsements } from './continuing-education/list-endorsements.use-case.js';
export { ListCeEntriesForReview, type ListCeEntriesForReviewQuery } from './continuing-education/list-ce-entries-for-review.use-case.js';
export { ReviewCeEntry, type ReviewCeEntryCommand } from './continuing-education/review-ce-entry.use-case.js';
export { ExamModule } from './exam/exam.module.js';
export { CreateExamWindow, type CreateExamWindowCommand } from './exam/create-exam-window.use-case.js';
export { ListExamWindows, type ListExamWindowsQuery } from './exam/list-exam-windows.use-case.js';
export { ListOpenExamWindows } from './exam/list-open-exam-windows.use-case.js';
export type { ExamWindowView } from './exam/exam-window.view.js';
export { ApproveExam, type ApproveExamCommand, type ApproveExamResult } from './exam/approve-exam.use-case.js';
export { RegisterForExam, type RegisterForExamCommand } from './exam/register-for-exam.use-case.js';
export type { ExamSeat } from './exam/book-exam-seat.js';
export { ListExamPapers, type ListExamPapersQuery } from './exam/list-exam-papers.use-case.js';
export { GetExamPaper } from './exam/get-exam-paper.use-case.js';
export type { ExamPaperView } from './exam/exam-paper.view.js';
export { RecordPart1, type RecordPart1Command } from './exam/record-part1.use-case.js';
export { RecordPart2Score, type RecordPart2ScoreCommand } from './exam/record-part2-score.use-case.js';
export { PanelModule } from './panel/panel.module.js';
export { AssignPanel, type AssignPanelCommand } from './panel/assign-panel.use-case.js';
export { ListReviews, type ReviewListItem } from './panel/list-reviews.use-case.js';
export { GetReview, type ReviewView } from './panel/get-review.use-case.js';
export { CastPanelVote, type CastPanelVoteCommand, type CastPanelVoteResult, type ChecklistMark } from './panel/cast-panel-vote.use-case.js';
export { DecideEscalatedPanel, type DecideEscalatedPanelCommand } from './panel/decide-escalated-panel.use-case.js';
export { RECOMMENDATIONS, type Recommendation } from './panel/panel-outcome.js';
export { CredentialsModule } from './credentials/credentials.module.js';
export { GetCertificate, type GetCertificateCommand } from './credentials/get-certificate.use-case.js';
export { IssueCredential, type IssueCredentialCommand } from './credentials/issue-credential.use-case.js';
export { GetStatusList } from './credentials/get-status-list.use-case.js';
export { GetIssuerDocuments, type IssuerDidDocument } from './credentials/get-issuer-documents.use-case.js';
export { CheckEndorsement, type EndorsementCheck } from './credentials/check-endorsement.use-case.js';
export { VC_JWT_MEDIA_TYPE } from './credentials/sign-credential.js';
export { ReceiveSesNotification } from './webhooks/receive-ses-notification.use-case.js';
export { ReceiveSendgridEvents, type SendgridDelivery } from './webhooks/receive-sendgrid-events.use-case.js';
export type { WebhookReceipt } from './webhooks/webhook-receipt.js';
export { ClearEmailSuppression } from './staff/clear-email-suppression.use-case.js';
export { OperationsMetricsRepository, type PipelineFigures } from './operations/operations-metrics.repository.js';
export { PipelineMetricsCollector } from './operations/pipeline-metrics.collector.js';
export { SweepRuns, type SweepName } from './operations/sweep-runs.js';
