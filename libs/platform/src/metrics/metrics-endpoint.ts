import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { metricsRegistry } from '#metrics';

/** Brings collect-on-scrape metrics up to date; runs before every scrape. */
export type ScrapeHook = () => Promise<void>;

/**
 * `GET /metrics` for Prometheus, on a listener of its own rather than a route of the public app: the
 * address it binds (loopback by default) decides who can scrape, so there is no credential to issue,
 * rotate or leak, and no public route, guard or proxy rule can expose it by mistake. Nothing else is
 * served there (404). Not started by in-process tests: `listen` is called from each process's main.
 */
@Injectable()
export class MetricsEndpoint implements OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly hooks: ScrapeHook[] = [];
  private server?: Server;

  /** Adds what a process collects at scrape time (queue depths, database counts). */
  onScrape(hook: ScrapeHook): void {
    this.hooks.push(hook);
  }

  /** The metrics text as Prometheus reads it, collect-on-scrape values refreshed first. */
  async render(): Promise<string> {
    await Promise.all(this.hooks.map((hook) => hook()));
    return metricsRegistry.metrics();
  }

  async listen(host: string, port: number): Promise<number> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: Prometheus metrics are at GET /metrics\n');
        return;
      }
      this.render().then(
        (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
        (error: Error) => {
          // A failed scrape shows in Prometheus as `up == 0` for this target; the reason is in the log.
          this.logger.warn(`metrics scrape failed: ${error.message}`);
          res.writeHead(503, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const bound = (server.address() as AddressInfo).port;
    this.logger.log(`metrics on http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`);
    return bound;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
