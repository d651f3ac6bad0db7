import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '#platform';
import type { AccountRole } from '../accounts/account-role.js';
import type { RouteAccess } from './check-route-access.js';
import { THROTTLED_AS } from '../throttle/throttled-as.decorator.js';
import { WRITE_METHODS } from '../throttle/write-methods.js';
import { ROUTE_ROLES } from './roles.decorator.js';

/** Every route handler of the application's controllers, with the access it declares. */
export function listRouteAccess(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as () => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue; // a helper method, not a route
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'ALL';
      const targets = [handler, controller];
      const fullPath = `/${[base, ...[path].flat()]
        .join('/')
        .replace(/\/+/g, '/')
        .replace(/^\/|\/$/g, '')}`;
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true;
      routes.push({
        route: `${method} ${fullPath} (${controller.name}.${name})`,
        method,
        path: fullPath,
        isPublic,
        roles: reflector.getAllAndOverride<AccountRole[] | undefined>(ROUTE_ROLES, targets) ?? [],
        throttled: reflector.getAllAndOverride(THROTTLED_AS, targets) !== undefined || (!isPublic && WRITE_METHODS.has(method)),
      });
    }
  }
  return routes;
}
