import { z } from 'zod';

type Issue = Parameters<NonNullable<NonNullable<Parameters<typeof z.config>[0]>['customError']>>[0];

const ENTER: Record<string, string> = { number: 'Enter a number.', string: 'Enter some text.', boolean: 'Choose yes or no.', array: 'Give a list.' };
const FORMATS: Record<string, string> = {
  email: 'Enter an email address, like name@example.org.',
  date: 'Enter a date.',
  datetime: 'Enter a date and time.',
  uuid: 'This is not an identifier we know.',
};

/**
 * The API's field errors in words a person can act on: the web app shows them beside the fields they
 * are about. A schema's own message wins; this covers zod's generic ones ("Too small: expected …").
 */
export function plainValidationMessage(issue: Issue): string | undefined {
  const { code } = issue;
  if (code === 'invalid_type') return issue.input === undefined || issue.input === null ? 'This is required.' : ENTER[issue.expected];
  if (code === 'too_small') {
    const n = Number(issue.minimum);
    if (issue.origin === 'string') return n <= 1 ? 'This is required.' : `Use at least ${n} characters.`;
    if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${n}.`;
    return `Must be ${n} or more${issue.inclusive === false ? ' (more than that)' : ''}.`;
  }
  if (code === 'too_big') {
    const n = Number(issue.maximum);
    if (issue.origin === 'string') return `Use at most ${n} characters.`;
    if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${n}.`;
    return `Must be ${n} or less.`;
  }
  if (code === 'invalid_format') return FORMATS[issue.format] ?? 'This is not in the expected form.';
  if (code === 'invalid_value') return 'Choose one of the options offered.';
  return undefined;
}

z.config({ customError: plainValidationMessage });
