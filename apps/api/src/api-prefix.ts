import { RequestMethod, type INestApplication } from '@nestjs/common';
import { QUEUES_DASHBOARD_PATH } from './queues-dashboard/queues-dashboard.paths.js';

/**
 * Where the JSON API answers. Versioned, and apart from the paths emails link to (/applications/{id},
 * /reset-password …), which are the web app's pages.
 */
export const API_PREFIX = '/api/v1';

/**
 * Puts every route under API_PREFIX except what is not the JSON API and keeps the address it is
 * known by: probes (/health/*), the rater form raters get by email (/r/{token}) and the queue
 * dashboard with its sign-in pages (/admin/queues), and the public check with the issuer documents
 * and status lists signed into every credential (/verify/*), which must never move with an API version. The OpenAPI pages (/docs, /docs-json) are not
 * Nest routes, so the prefix does not reach them.
 */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX.slice(1), {
    exclude: ['health/*path', 'r/*path', 'verify/*path', QUEUES_DASHBOARD_PATH.slice(1), `${QUEUES_DASHBOARD_PATH.slice(1)}/*path`].map((path) => ({
      path,
      method: RequestMethod.ALL,
    })),
  });
}
