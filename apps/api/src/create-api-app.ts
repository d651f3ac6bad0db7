import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '#config';
import type { Framework } from '#framework';
import { createHttpApp } from '#platform';
import { ApiModule } from './api.module.js';
import { useApiPrefix } from './api-prefix.js';
import { mountApiDocs } from './docs/mount-api-docs.js';

/** The api as deployed (and as end-to-end tests run it): the HTTP app, its JSON API under /api/v1, with its OpenAPI pages. */
export function createApiApp(config: AppConfig, port: number, framework?: Framework): Promise<NestExpressApplication> {
  return createHttpApp(ApiModule.forRoot(config, framework) as never, config, port, (app) => {
    useApiPrefix(app);
    mountApiDocs(app);
  });
}
