import { createApiClient } from '#api-client';
import { session } from './session';

/** Sends the access token; when the API says it has expired, refreshes once and tries again. */
async function sessionFetch(request: Request): Promise<Response> {
  const again = request.clone();
  const first = await send(request);
  if (first.status !== 401 || session.token() === undefined) return first;
  if (!(await session.refresh())) {
    session.expired();
    return first;
  }
  return send(again);
}

function send(request: Request): Promise<Response> {
  const token = session.token();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return fetch(request);
}

/** The typed client every page and query hook uses (paths and bodies from docs/openapi.json). */
export const api = createApiClient(window.location.origin, { fetch: sessionFetch });
