import { ProblemException } from '#platform';

/** The problems the panel routes answer with, each with a stable code. */
export const PanelProblems = {
  /** Also for an application the reviewer is not assigned to: its existence does not leak. */
  reviewNotFound: () => new ProblemException(404, 'review_not_found', 'Review not found', 'No application with this id is assigned to you for review.'),
  notInPanelReview: (state: string) =>
    new ProblemException(
      409,
      'not_in_panel_review',
      'Not in panel review',
      `The application is in state "${state}"; reviewers work on applications in panel review.`,
    ),
  reviewersNotEligible: (accountIds: string[]) =>
    new ProblemException(
      422,
      'reviewers_not_eligible',
      'Reviewers not eligible',
      'Each reviewer must be an account with the reviewer role in the association of the application, other than the applicant.',
      { accountIds },
    ),
  votesAlreadyIn: () =>
    new ProblemException(409, 'panel_votes_in', 'Reviewers have started', 'A reviewer of this round has voted; the panel can no longer be changed.'),
  alreadyVoted: () => new ProblemException(409, 'already_voted', 'Already voted', 'You voted on this application in this round already.'),
  notesRequired: () =>
    new ProblemException(400, 'validation_failed', 'Invalid request', 'notes: are required to defer or deny: the applicant is told what to amend or why', {
      errors: [{ field: 'notes', message: 'are required to defer or deny: the applicant is told what to amend or why' }],
    }),
  checklistMismatch: (errors: { field: string; message: string }[]) =>
    new ProblemException(400, 'validation_failed', 'Invalid request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors }),
  notEscalated: () =>
    new ProblemException(
      409,
      'panel_not_escalated',
      'Not escalated',
      'Only a panel whose two reviewers disagreed in this round is decided by an administrator.',
    ),
};
