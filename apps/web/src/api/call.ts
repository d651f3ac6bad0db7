import { createApiClient } from '#api-client';
import { ApiProblem } from './problem';

/** For the session's own calls (sign-in, refresh, sign-out, who am I): no automatic refresh. */
export const bareApi = createApiClient(window.location.origin);

/**
 * The data of an API answer, or an ApiProblem: the API's refusal, a server fault, or no answer at
 * all (offline). Pages and query hooks never see a raw Response.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw ApiProblem.network();
  }
  if (result.error !== undefined || !result.response.ok) throw ApiProblem.from(result.response.status, result.error);
  return result.data as T;
}
