import { ProblemException } from '#platform';

/** The problems the staff routes answer with, each with a stable code. */
export const StaffProblems = {
  /** Also for another association's application: staff do not learn that it exists. */
  applicationNotFound: () => new ProblemException(404, 'application_not_found', 'Application not found', 'No application with this id in your association.'),
  referenceNotFound: () => new ProblemException(404, 'reference_not_found', 'Reference not found', 'This application has no reference with this id.'),
  otherAssociation: (own: string) => new ProblemException(403, 'forbidden', 'Forbidden', `Staff of ${own} work on the applications of ${own} only.`),
  versionRequired: () =>
    new ProblemException(
      428,
      'version_required',
      'If-Match required',
      'Send the version you saw as If-Match (GET the application for its ETag), so two people cannot act on the same application unknowingly.',
    ),
  dedicatedEndpoint: (event: string, endpoint: string) =>
    new ProblemException(
      422,
      'dedicated_endpoint',
      'Use the dedicated endpoint',
      `"${event}" is recorded through ${endpoint}, which keeps what it needs with it.`,
      { endpoint },
    ),
  alreadyClaimed: (assigneeId: string) =>
    new ProblemException(409, 'already_claimed', 'Already claimed', 'Someone else is working on this application; a coordinator can reassign it.', {
      assigneeId,
    }),
  invalidAssignee: () =>
    new ProblemException(
      422,
      'invalid_assignee',
      'Cannot assign to this account',
      'Applications are assigned to a coordinator or administrator of their association.',
    ),
  calledInFuture: () =>
    new ProblemException(400, 'validation_failed', 'Invalid request', 'calledAt: must not be in the future', {
      errors: [{ field: 'calledAt', message: 'must not be in the future' }],
    }),
};
