import type { ReceivedMail } from './smtp-sink.js';

/** Undoes quoted-printable soft line breaks and escapes, enough to read links out of a message. */
export function readableBody(mail: ReceivedMail): string {
  return mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function header(mail: ReceivedMail, name: string): string | undefined {
  const match = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(mail.raw);
  return match?.[1].replace(/\r?\n[ \t]/g, ' ');
}

/** The rater link in a message, as a person clicking it would follow it. */
export function raterLink(mail: ReceivedMail): string | undefined {
  return /https?:\/\/[^\s"<>]+\/r\/([A-Za-z0-9_-]{43})/.exec(readableBody(mail))?.[0];
}
