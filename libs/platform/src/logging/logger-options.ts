import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { currentRequestId } from '#request-id';
import { requestIdOf } from '../http/request-id.middleware.js';

// Rater links carry their secret in the path: never write it to a log.
const SECRET_PATH = /^\/r\/[^/?]+/;
// Query parameter names worth keeping in a log line; anything else a client sends as a name is redacted too.
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/**
 * The request's URL as logged: the path without secrets, and the query string with every value
 * redacted, since values carry what people searched for (a registry search names a person).
 */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(SECRET_PATH, '/r/[redacted]');
  if (at < 0) return path;
  const names = [...new URLSearchParams(url.slice(at + 1)).keys()].map((name) => (PARAMETER_NAME.test(name) ? name : '[redacted]'));
  return `${path}?${names.map((name) => `${name}=[redacted]`).join('&')}`;
}

/**
 * Structured JSON logs with a request id; no personal data, no secrets. Every line written while a
 * request or job is handled carries its `requestId`.
 */
export function loggerOptions(config: AppConfig, app: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { app },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
      genReqId: requestIdOf,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: loggedUrl(req.url),
        }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
    },
  };
}
