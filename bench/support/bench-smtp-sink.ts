import { performance } from 'node:perf_hooks';
import { listenSmtp } from './local-smtp-server.js';

/**
 * An in-process SMTP server for benchmarks (no auth, no STARTTLS) that only counts what it accepts:
 * `expect(n)` resolves with the performance.now() of the n-th 250 answer to DATA.
 */
export class BenchSmtpSink {
  port = 0;
  received = 0;
  bytes = 0;
  /** The first message of the current round, raw, for a sanity check. */
  sample?: string;
  private target = Infinity;
  private resolveAt?: (at: number) => void;
  private close?: () => Promise<void>;

  async start(): Promise<this> {
    const server = await listenSmtp((stream, _session, callback) => {
      const chunks: Buffer[] | undefined = this.sample === undefined ? [] : undefined;
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        chunks?.push(c);
      });
      stream.on('end', () => {
        callback(); // writes the 250
        this.received++;
        this.bytes += size;
        if (chunks && this.sample === undefined) this.sample = Buffer.concat(chunks).toString('utf8');
        if (this.received === this.target) this.resolveAt?.(performance.now());
      });
    });
    this.port = server.port;
    this.close = server.close;
    return this;
  }

  /** Resets the counters; resolves with the time the n-th message is accepted. */
  expect(n: number): Promise<number> {
    this.received = 0;
    this.bytes = 0;
    this.sample = undefined;
    this.target = n;
    return new Promise((resolve) => (this.resolveAt = resolve));
  }

  async stop(): Promise<void> {
    const close = this.close;
    this.close = undefined;
    await close?.();
  }
}

/** Rejects when `promise` has not settled after `ms`, saying what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what()}`)), ms);
    }),
  ]);
}
