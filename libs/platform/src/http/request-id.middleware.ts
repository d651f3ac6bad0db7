import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptedRequestId, withRequestId } from '#request-id';

const REQUEST_ID = Symbol('requestId');
type Tagged = IncomingMessage & { [REQUEST_ID]?: string };

/** The request's id, chosen once (the client's X-Request-ID if safe, else a new one) and echoed in the response. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const tagged = req as Tagged;
  if (tagged[REQUEST_ID]) return tagged[REQUEST_ID];
  const id = (tagged[REQUEST_ID] = acceptedRequestId(req.headers['x-request-id']));
  res.setHeader('x-request-id', id);
  return id;
}

/** Handles the rest of the request under its id, so the outbox rows, jobs and emails it causes carry it. */
export function runWithRequestId(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  withRequestId(requestIdOf(req, res), next);
}
