import { NestFactory } from '@nestjs/core';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/**
 * Creates and starts a Nest HTTP application the way every process of this system runs:
 * pino logs, problem+json errors, bounded bodies, graceful shutdown on SIGTERM/SIGINT.
 */
export async function createHttpApp(module: Type<unknown>, config: AppConfig, port: number): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false, forceCloseConnections: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // Nest drains HTTP and closes workers; if anything hangs, do not outlive the orchestrator's patience.
      setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    });
  }
  await app.listen(port, '0.0.0.0');
  logger.log(`listening on port ${port}`);
  return app;
}
