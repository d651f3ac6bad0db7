import { listenSmtp } from '../../bench/support/local-smtp-server.js';

/**
 * An in-process SMTP server for the simulation: accepts everything and keeps, per message, only its
 * X-Delivery-Id and X-Template headers (no addresses, no bodies), so a run of years stays small.
 */
export class SimulationSmtpSink {
  port = 0;
  /** How many times each delivery arrived: more than once is a duplicate email. */
  readonly arrivals = new Map<string, number>();
  /** Messages by label (the simulated month the engine sets) and template. */
  readonly byLabel = new Map<string, Map<string, number>>();
  label = '';
  private close?: () => Promise<void>;

  async start(): Promise<this> {
    const server = await listenSmtp((stream, _session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (!head.includes('\r\n\r\n')) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        this.record(header(head, 'X-Delivery-Id') ?? 'unknown', header(head, 'X-Template') ?? 'unknown');
        callback();
      });
    });
    this.port = server.port;
    this.close = server.close;
    return this;
  }

  get received(): number {
    let n = 0;
    for (const count of this.arrivals.values()) n += count;
    return n;
  }

  async stop(): Promise<void> {
    const close = this.close;
    this.close = undefined;
    await close?.();
  }

  private record(deliveryId: string, template: string): void {
    this.arrivals.set(deliveryId, (this.arrivals.get(deliveryId) ?? 0) + 1);
    const templates = this.byLabel.get(this.label) ?? this.byLabel.set(this.label, new Map()).get(this.label)!;
    templates.set(template, (templates.get(template) ?? 0) + 1);
  }
}

function header(head: string, name: string): string | undefined {
  const end = head.indexOf('\r\n\r\n');
  const match = new RegExp(`^${name}:\\s*(\\S+)`, 'im').exec(end < 0 ? head : head.slice(0, end));
  return match?.[1];
}
