/** Anything shaped like an email address (mail servers echo the recipient in their 4xx/5xx answers). */
const EMAIL_LIKE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/** The text with every email-like string replaced, for logs and job errors. */
export function redactAddresses(text: string): string {
  return text.replace(EMAIL_LIKE, '[address]');
}

/** The same error with its message and stack redacted: BullMQ stores both where the queue dashboard shows them. */
export function redactError<E extends Error>(error: E): E {
  error.message = redactAddresses(error.message);
  if (error.stack) error.stack = redactAddresses(error.stack);
  return error;
}
