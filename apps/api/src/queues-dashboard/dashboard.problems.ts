import { ProblemException } from '#platform';

/** What the queue dashboard refuses beyond sign-in, each with a stable code. */
export const DashboardProblems = {
  operatorsOnly: () =>
    new ProblemException(
      403,
      'queue_operators_only',
      'Queue dashboard for Alliance-wide administrators only',
      "The job queues carry every association's work, so only an Alliance-wide administrator may open them.",
    ),
  crossOrigin: () =>
    new ProblemException(
      403,
      'cross_origin_request',
      'Request from another site refused',
      "Changes to the queues are accepted only from the dashboard's own pages. Open the dashboard and try again.",
    ),
};
