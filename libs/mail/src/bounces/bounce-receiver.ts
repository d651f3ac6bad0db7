import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { deliveryIdFromVerp } from '../verp.js';
import { parseBounceReport, type BounceReport } from './parse-bounce-report.js';

/** A report received, with the ledger row its VERP recipient names (null when sent elsewhere at the bounce domain). */
export type ReportHandler = (report: BounceReport, deliveryId: string | null) => Promise<void>;

// Reports return the original message; ours are small, so anything larger is not about them.
const MAX_REPORT_BYTES = 1024 * 1024;

/**
 * The inbound SMTP server for bounces (RFC 3464) and abuse reports (ARF). It takes mail only for the
 * bounce domain (it relays nothing), hands each report to the handler before answering 250, and
 * answers 451 if the handler fails, so the reporting server tries again later rather than the
 * report being lost. Anything that is no report is accepted and dropped, as a mailbox would.
 */
export class BounceReceiver {
  private readonly server: SMTPServer;

  constructor(
    private readonly bounceDomain: string,
    private readonly onReport: ReportHandler,
    private readonly onError: (error: Error) => void,
  ) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH'],
      size: MAX_REPORT_BYTES,
      maxClients: 50,
      // On shutdown, connections still open after this are cut: well inside SHUTDOWN_TIMEOUT_MS.
      closeTimeout: 2_000,
      logger: false,
      banner: 'bounce receiver',
      onRcptTo: (address, _session, callback) => {
        if (address.address.toLowerCase().endsWith(`@${this.bounceDomain}`)) return callback();
        callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (stream.sizeExceeded) return callback(Object.assign(new Error('5.3.4 Report too large'), { responseCode: 552 }));
          const verp = session.envelope.rcptTo.map((r) => deliveryIdFromVerp(r.address, this.bounceDomain)).find(Boolean) ?? null;
          this.receive(Buffer.concat(chunks), verp).then(
            () => callback(),
            (error: unknown) => {
              this.onError(error as Error);
              callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
            },
          );
        });
      },
    });
    this.server.on('error', (error) => this.onError(error));
  }

  private async receive(raw: Buffer, deliveryId: string | null): Promise<void> {
    const report = await parseBounceReport(raw);
    if (report) await this.onReport(report, deliveryId);
  }

  /** Resolves with the port once listening (0 picks a free one). */
  listen(port: number, host = '0.0.0.0'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
