import { ProblemException } from '#platform';

/** Someone else's application answers exactly like one that does not exist, so existence does not leak. */
export function applicationNotFound(): ProblemException {
  return new ProblemException(404, 'application_not_found', 'Application not found', 'No application of yours has this id.');
}
