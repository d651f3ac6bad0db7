import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The id of what set the current work off: an HTTP request (its X-Request-ID), or a job no request
 * caused (`sweep:<job id>`, `job:<job id>`). It is written into the outbox rows, jobs and ledger rows
 * that work produces and onto their log lines, so an operator can grep one id from a click to the
 * SMTP answer. Held in AsyncLocalStorage, so use cases never pass it along by hand.
 */
const current = new AsyncLocalStorage<string>();

/** What an incoming X-Request-ID must look like to be kept: a short token, safe in logs, SQL text and mail headers. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The id of the request or job this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return current.getStore();
}

/** Runs `fn` (and everything it awaits or schedules) as part of the work `requestId` names. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return current.run(requestId, fn);
}

/** A client's X-Request-ID if it is a safe token, else a fresh one: a client cannot put arbitrary text into our logs or emails. */
export function acceptedRequestId(incoming: unknown): string {
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
