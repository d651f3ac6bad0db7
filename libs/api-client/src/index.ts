import createClient, { type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/**
 * A client for the JSON API typed from docs/openapi.json: paths, parameters, request bodies and
 * response bodies come from the generated schema, so a change to the contract breaks the type check
 * of every caller that no longer fits.
 */
export function createApiClient(baseUrl: string, options: Omit<ClientOptions, 'baseUrl'> = {}) {
  return createClient<paths>({ ...options, baseUrl });
}

export type ApiClient = ReturnType<typeof createApiClient>;
