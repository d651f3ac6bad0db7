import { ProblemException } from '#platform';

/** An association code that names no issuer here. */
export function issuerNotFound(): ProblemException {
  return new ProblemException(404, 'issuer_not_found', 'Issuer not found', 'No association issues credentials under this code.');
}
