import { NestFactory } from '@nestjs/core';
import { StandardSchemaValidationPipe, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { ShutdownState } from '../health/shutdown-state.js';
import { httpMetrics } from '../metrics/http-metrics.middleware.js';
import { drainable } from './drain-http-server.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { refusePrototypeKeys } from './refuse-prototype-keys.js';
import { runWithRequestId } from './request-id.middleware.js';
import { UnstorableTextGuard } from './unstorable-text.guard.js';
import { validationProblem } from './validation-problem.js';
// Sets zod's messages for every schema the api validates with: words for people, not for programmers.
import './plain-validation-messages.js';

/**
 * Creates and starts a Nest HTTP application the way every process of this system runs:
 * pino logs, security headers, CORS from configuration, bounded bodies, schema-validated input,
 * problem+json errors, graceful shutdown on SIGTERM/SIGINT (requests in flight finish, then the process closes and exits 0).
 */
export async function createHttpApp(
  module: Type<unknown>,
  config: AppConfig,
  port: number,
  /** What a process adds to its app before it listens (the api's OpenAPI pages). */
  beforeListen: (app: NestExpressApplication) => void = () => undefined,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false, rawBody: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // req.ip is then the client's address as the nearest trusted proxies saw it (0: the socket's peer).
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  // First, so the time covers everything a request goes through.
  app.use(httpMetrics);
  // Defaults suit a JSON api; pages with their own needs (the rater form) set a stricter CSP themselves.
  // upgrade-insecure-requests only where the site is https: WebKit (Safari) upgrades even http://localhost,
  // so on a plain-http address the web app's scripts would fail to load and the page stay blank.
  const https = config.http.publicBaseUrl.startsWith('https:');
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } } }));
  // No origins configured: no CORS headers at all, so browsers keep to same-origin calls.
  if (config.corsOrigins.length) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id'],
      maxAge: 600,
    });
  }
  app.useBodyParser('json', { limit: '256kb', reviver: refusePrototypeKeys });
  app.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  // Amazon SNS posts its JSON as text/plain; with rawBody every parsed body is also kept as sent
  // (req.rawBody), which signature checks over the exact bytes need (webhooks).
  app.useBodyParser('text', { limit: '256kb' });
  // After the body parsers, whose stream callbacks would run outside the request's async context.
  app.use(runWithRequestId);
  // Every parameter declared with a schema (@Body({ schema }), @Query({ schema }) …) is parsed by it;
  // unknown fields and oversized values come back as 400 validation_failed with the fields named.
  app.useGlobalPipes(new StandardSchemaValidationPipe({ exceptionFactory: validationProblem }));
  // Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused the same way, wherever it is sent.
  app.useGlobalGuards(new UnstorableTextGuard());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const drain = drainable(app.getHttpServer());
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      // npm start's Ctrl-C reaches a process twice (SIGINT from the terminal, SIGTERM from start.ts): one shutdown.
      if (stopping) return;
      stopping = true;
      // If anything hangs, do not outlive the orchestrator's patience.
      setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
      logger.log(`${signal}: finishing the requests in flight, then stopping`);
      // Readiness answers 503 from now on, so a load balancer probing over a kept-alive connection stops sending.
      app.get(ShutdownState).draining = true;
      // HTTP first: the requests in flight still need the database, queues and workers that app.close() ends.
      drain(config.http.drainTimeoutMs)
        .then(() => app.close())
        .then(
          () => process.exit(0),
          (e: unknown) => {
            logger.error(`shutdown failed: ${(e as Error).stack ?? String(e)}`);
            process.exit(1);
          },
        );
    });
  }
  beforeListen(app);
  await app.listen(port, '0.0.0.0');
  logger.log(`listening on port ${port}`);
  return app;
}
