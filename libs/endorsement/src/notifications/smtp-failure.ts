/** SMTP 5xx (mailbox rejected, no such user …) and malformed envelopes will fail the same way again. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600;
  return code === 'EENVELOPE';
}

/** The server's own words, kept on the ledger row for staff (nodemailer puts per-recipient answers aside). */
export function smtpAnswer(error: unknown): string | null {
  const { response, rejectedErrors } = (error ?? {}) as { response?: string; rejectedErrors?: { response?: string }[] };
  const answer = response ?? rejectedErrors?.find((e) => e.response)?.response;
  return typeof answer === 'string' ? answer.slice(0, 1000) : null;
}
