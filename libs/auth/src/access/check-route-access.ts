/** One route handler of the api and the access it declares. */
export interface RouteAccess {
  /** E.g. "POST /auth/login (AuthController.logIn)". */
  route: string;
  /** E.g. "POST" and "/auth/login", for tools that map routes to other views (the OpenAPI document). */
  method: string;
  path: string;
  isPublic: boolean;
  roles: readonly string[];
  /** Whether calls may be refused with 429: a throttle per client address, or the account's writes. */
  throttled: boolean;
}

export class UndeclaredRouteAccessError extends Error {
  override readonly name = 'UndeclaredRouteAccessError';
}

/**
 * Default deny made visible: every route must say who may call it, `@Public()` or `@Roles(...)`
 * with at least one role. Throws naming each route that does not, so the api refuses to start
 * instead of serving a route nobody decided about.
 */
export function checkRouteAccess(routes: readonly Pick<RouteAccess, 'route' | 'isPublic' | 'roles'>[]): void {
  const undeclared = routes.filter((r) => !r.isPublic && r.roles.length === 0).map((r) => r.route);
  if (undeclared.length) {
    throw new UndeclaredRouteAccessError(`Every route needs @Public() or @Roles(...); these have neither: ${undeclared.join(', ')}`);
  }
}
