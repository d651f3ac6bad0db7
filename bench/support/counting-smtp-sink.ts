import { listenSmtp } from './local-smtp-server.js';
import { header, raterLink } from './mail-reading.js';

/**
 * An SMTP server for bench:load that keeps the ledger id (X-Delivery-Id) of every message it accepts,
 * to check the ledger against, and hands out the rater links of the reference requests it sees, as
 * raters would follow them.
 */
export class CountingSmtpSink {
  readonly deliveryIds = new Set<string>();
  /** Paths (/r/{token}) of rater links not yet followed, oldest first. */
  readonly raterLinks: string[] = [];
  received = 0;
  duplicates = 0;
  port = 0;
  private close?: () => Promise<void>;

  async start(): Promise<this> {
    const server = await listenSmtp((stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        callback(); // writes the 250
        const mail = { raw: Buffer.concat(chunks).toString('utf8') };
        this.received++;
        const id = header(mail, 'X-Delivery-Id');
        if (id && this.deliveryIds.has(id)) this.duplicates++;
        if (id) this.deliveryIds.add(id);
        if (header(mail, 'X-Template') === 'reference_request') {
          const link = raterLink(mail);
          if (link) this.raterLinks.push(new URL(link).pathname);
        }
      });
    });
    this.port = server.port;
    this.close = server.close;
    return this;
  }

  async stop(): Promise<void> {
    const close = this.close;
    this.close = undefined;
    await close?.();
  }
}
