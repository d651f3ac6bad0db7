/**
 * The API's field messages say what its schema expected; a few read too technically for a form
 * and are said again in plain words. Anything else is shown as the API wrote it.
 */
const PLAIN: [RegExp, string][] = [
  [/received undefined/, 'Fill this in.'],
  [/expected number to be >0/, 'Enter a number above 0.'],
  [/expected number/, 'Enter a number, for example 6 or 1.5.'],
  [/^Invalid ISO date/, 'Enter a full date.'],
  [/Too small: expected string/, 'Fill this in.'],
];

export function plainFieldMessages(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, PLAIN.find(([pattern]) => pattern.test(message))?.[1] ?? message]));
}
