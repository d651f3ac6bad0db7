import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Prepares a graceful stop of an HTTP server; returns the function that performs it. From then on no
 * connection is accepted, requests in flight finish with `Connection: close` (so a keep-alive client
 * sends nothing more on that connection), idle keep-alive connections are closed, and whatever still
 * runs after `timeoutMs` is cut.
 */
export function drainable(server: Server): (timeoutMs: number) => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) closeAfter(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return async (timeoutMs) => {
    draining = true;
    inFlight.forEach(closeAfter);
    let timer: NodeJS.Timeout | undefined;
    // close() stops accepting and closes idle connections; its callback runs once the last one has ended.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([closed, expired]);
    clearTimeout(timer);
    server.closeAllConnections();
  };
}
