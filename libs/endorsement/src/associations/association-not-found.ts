import { ProblemException } from '#platform';

/** 404 for an association code the framework data does not have. */
export const associationNotFound = (code: string) =>
  new ProblemException(404, 'association_not_found', 'Association not found', `No association has the code ${code}.`);
