import { header, readableBody } from '../../bench/support/mail-reading.js';
import type { ReceivedMail } from './smtp-sink.js';

// The readers bench:load needs too live beside it (its build cannot reach test/).
export { header, raterLink, readableBody } from '../../bench/support/mail-reading.js';

/** A header with RFC 2047 encoded words decoded, as a mail client shows it. */
export function decodedHeader(mail: ReceivedMail, name: string): string | undefined {
  return header(mail, name)?.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** The token of an account link in an email, as the portal page would read it from the fragment. */
export function accountLink(mail: ReceivedMail, page: 'reset-password' | 'accept-invitation'): { url: string; token: string } {
  const match = new RegExp(`https?://[^\\s"<>]+/${page}#token=([A-Za-z0-9_-]{43})`).exec(readableBody(mail));
  if (!match) throw new Error(`no ${page} link in the message`);
  return { url: match[0], token: match[1] };
}

/** The link in a panel email to the application's review page (/reviews/{id}). */
export function reviewLink(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>]+\/reviews\/[0-9a-f-]{36}/.exec(readableBody(mail));
  if (!match) throw new Error('no review link in the message');
  return match[0];
}
