/** A message as an SMTP server received it, headers and body undecoded. */
export interface RawMail {
  readonly raw: string;
}

/** Undoes quoted-printable soft line breaks and escapes, enough to read links out of a message. */
export function readableBody(mail: RawMail): string {
  return mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function header(mail: RawMail, name: string): string | undefined {
  // A long value may be folded onto the next line right after the colon (nodemailer does so for a long Message-ID).
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(mail.raw);
  return match?.[1].replace(/\r?\n[ \t]/g, ' ').trim();
}

/** The rater link in a message, as a person clicking it would follow it. */
export function raterLink(mail: RawMail): string | undefined {
  return /https?:\/\/[^\s"<>]+\/r\/([A-Za-z0-9_-]{43})/.exec(readableBody(mail))?.[0];
}
