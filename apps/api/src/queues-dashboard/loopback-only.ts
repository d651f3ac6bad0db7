import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** True for 127.0.0.0/8 (also as an IPv4-mapped IPv6 address) and ::1. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

/** The host name of a Host header ("localhost:3000", "[::1]:3000"), lower-cased, without port or brackets. */
function hostName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const match = /^\[([^\]]+)\](?::\d+)?$/.exec(host) ?? /^([^:]+)(?::\d+)?$/.exec(host);
  return match?.[1]?.toLowerCase();
}

/**
 * Whether a request was made on the api's own host, by a client that addressed it as such.
 *
 * - The socket's peer address, never `req.ip` or `X-Forwarded-For`, which a client can forge once
 *   `trust proxy` is set.
 * - A reverse proxy on the same host would make every request look local, so a request that says it
 *   was forwarded is not.
 * - The Host header must name loopback too: otherwise a web page could rebind its own domain to
 *   127.0.0.1 and drive the dashboard from the operator's browser (DNS rebinding).
 */
export function isLocalRequest(req: Pick<IncomingMessage, 'socket' | 'headers'>): boolean {
  const host = hostName(req.headers.host);
  return (
    isLoopbackAddress(req.socket.remoteAddress) &&
    req.headers['x-forwarded-for'] === undefined &&
    req.headers.forwarded === undefined &&
    (host === 'localhost' || isLoopbackAddress(host))
  );
}
