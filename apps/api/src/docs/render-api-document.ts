import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#config';
import { ApiModule } from '../api.module.js';
import { useApiPrefix } from '../api-prefix.js';
import { buildApiDocument } from './api-document.js';

/**
 * The OpenAPI document as committed in docs/openapi.json: the api module in preview mode (routes and
 * metadata, no provider started, so no database or Redis) under the default configuration.
 */
export async function renderApiDocument(): Promise<string> {
  const app = await NestFactory.create(ApiModule.forRoot(loadConfig({})), { preview: true, logger: false, abortOnError: false });
  try {
    useApiPrefix(app);
    return `${JSON.stringify(buildApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
