import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a random local port that keeps what it receives. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Addresses this server answers 550 for, as a mail server that does not know the mailbox would. */
  readonly rejected = new Set<string>();
  /** Addresses answered 451 (try again later) as many times as their count says, as a greylisting server would. */
  readonly deferred = new Map<string, number>();
  /** Addresses whose messages are answered (250) only when the test lets them go, as a slow server would. */
  readonly held = new Set<string>();
  private readonly heldAnswers: (() => void)[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const deferrals = this.deferred.get(address.address.toLowerCase()) ?? 0;
        if (deferrals > 0) {
          this.deferred.set(address.address.toLowerCase(), deferrals - 1);
          return callback(
            Object.assign(new Error(`4.7.1 <${address.address}>: Recipient address rejected: Greylisted, try again later`), { responseCode: 451 }),
          );
        }
        if (!this.rejected.has(address.address.toLowerCase())) return callback();
        // Worded as Postfix does, echoing the address: what a real server tells us may be personal data.
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          const accept = () => {
            this.messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, raw: Buffer.concat(chunks).toString('utf8') });
            callback();
          };
          if (to.some((a) => this.held.has(a.toLowerCase()))) this.heldAnswers.push(accept);
          else accept();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    // A client killed mid-message (the fault tests SIGKILL the worker) resets its connection: that is
    // the client's fault to survive, not the server's.
    this.server.removeAllListeners('error');
    this.server.on('error', () => undefined);
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Messages received in full whose answer is held back. */
  get waiting(): number {
    return this.heldAnswers.length;
  }

  /** Answers the held-back messages (250) and holds back no more. */
  letGo(): void {
    this.held.clear();
    for (const accept of this.heldAnswers.splice(0)) accept();
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
