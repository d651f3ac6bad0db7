import type { EmailTemplateName } from './email-template-names.js';

/** A model the template cannot be rendered from: a bug in the caller, to be caught in its tests. */
export class EmailModelError extends Error {
  constructor(
    readonly template: EmailTemplateName,
    readonly field: string,
    problem = '',
  ) {
    super(`${template} needs model.${field}${problem}`);
    this.name = 'EmailModelError';
  }
}
