import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { PUBLIC_ROUTE } from '#platform';
import type { AccountRole } from '../accounts/account-role.js';
import { AuthProblems } from '../auth.problems.js';
import { AccessTokens } from '../tokens/access-tokens.js';
import { ACCOUNT_ON_REQUEST, type RequestWithAccount } from './current-account.decorator.js';
import { ROUTE_ROLES } from './roles.decorator.js';
import { bearerToken } from './bearer-token.js';

/**
 * Default deny, for every route of the api (APP_GUARD): a route is open only when marked
 * `@Public()`; otherwise the caller needs a valid access token and one of the route's `@Roles()`.
 * A route with neither admits nobody (and the api refuses to start with one, see checkRouteAccess).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const roles = this.reflector.getAllAndOverride<AccountRole[] | undefined>(ROUTE_ROLES, targets) ?? [];

    const http = context.switchToHttp();
    const req = http.getRequest<RequestWithAccount>();
    const header = req.headers.authorization;
    // RFC 6750: a 401 says which scheme to use, and why when a token was sent.
    const challenge = (error?: string) => http.getResponse<Response>().setHeader('WWW-Authenticate', error ? `Bearer error="${error}"` : 'Bearer');
    if (!header) {
      challenge();
      throw AuthProblems.authenticationRequired();
    }
    const token = bearerToken(header);
    if (!token) {
      challenge('invalid_token');
      throw AuthProblems.invalidToken();
    }
    let account;
    try {
      account = await this.tokens.verify(token);
    } catch (problem) {
      challenge('invalid_token');
      throw problem;
    }
    if (!account.roles.some((role) => roles.includes(role))) throw AuthProblems.forbidden();
    req[ACCOUNT_ON_REQUEST] = account;
    return true;
  }
}
