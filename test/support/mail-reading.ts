import type { ReceivedMail } from './smtp-sink.js';

/** Undoes quoted-printable soft line breaks and escapes, enough to read links out of a message. */
export function readableBody(mail: ReceivedMail): string {
  return mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function header(mail: ReceivedMail, name: string): string | undefined {
  // A long value may be folded onto the next line right after the colon (nodemailer does so for a long Message-ID).
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(mail.raw);
  return match?.[1].replace(/\r?\n[ \t]/g, ' ').trim();
}

/** The rater link in a message, as a person clicking it would follow it. */
export function raterLink(mail: ReceivedMail): string | undefined {
  return /https?:\/\/[^\s"<>]+\/r\/([A-Za-z0-9_-]{43})/.exec(readableBody(mail))?.[0];
}

/** A header with RFC 2047 encoded words decoded, as a mail client shows it. */
export function decodedHeader(mail: ReceivedMail, name: string): string | undefined {
  return header(mail, name)?.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** The token of an account link in an email, as the portal page would read it from the fragment. */
export function accountLink(mail: ReceivedMail, page: 'reset-password' | 'accept-invitation'): { url: string; token: string } {
  const match = new RegExp(`https?://[^\\s"<>]+/${page}#token=([A-Za-z0-9_-]{43})`).exec(readableBody(mail));
  if (!match) throw new Error(`no ${page} link in the message`);
  return { url: match[0], token: match[1] };
}
