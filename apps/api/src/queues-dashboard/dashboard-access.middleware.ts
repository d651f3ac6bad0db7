import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokens, AuthProblems, bearerToken, isQueueOperator, type AuthenticatedAccount } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import { isSameOrigin, ProblemException } from '#platform';
import { DashboardProblems } from './dashboard.problems.js';
import { readDashboardCookie } from './dashboard-cookie.js';
import { prefersHtml } from './prefers-html.js';
import { DASHBOARD_SIGN_IN_PATH } from './queues-dashboard.paths.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * In front of Bull Board, which has no access control of its own: queue operators (Alliance-wide
 * administrators) only. The access token comes from the dashboard cookie (a browser, after the
 * sign-in page) or an `Authorization: Bearer` header (a program, with a token from POST /api/v1/auth/login).
 * A browser without access is sent to the sign-in page; a program gets the api's 401/403 problem+json.
 * A change sent with the cookie must come from the dashboard's own pages (Sec-Fetch-Site, Origin or
 * Referer): the cookie's SameSite=Strict still lets a sibling site on the same domain send it. A
 * browser never sends a Bearer header on its own, so a program's request cannot be forged that way.
 */
@Injectable()
export class DashboardAccessMiddleware implements NestMiddleware {
  constructor(
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const account = await this.authenticate(req);
      if (!account.roles.includes('administrator')) throw AuthProblems.forbidden();
      if (!isQueueOperator(account)) throw DashboardProblems.operatorsOnly();
    } catch (problem) {
      if (!(problem instanceof ProblemException)) throw problem;
      if (prefersHtml(req)) return res.redirect(303, DASHBOARD_SIGN_IN_PATH);
      // As the access guard does (RFC 6750); thrown, the middleware proxy hands it to the problem+json filter.
      if (problem.httpStatus === 401) res.setHeader('WWW-Authenticate', problem.code === 'authentication_required' ? 'Bearer' : 'Bearer error="invalid_token"');
      throw problem;
    }
    if (req.headers.authorization === undefined && !SAFE_METHODS.has(req.method) && !isSameOrigin(req, this.config.http.publicBaseUrl))
      throw DashboardProblems.crossOrigin();
    next();
  }

  private async authenticate(req: Request): Promise<AuthenticatedAccount> {
    const header = req.headers.authorization;
    const token = header === undefined ? readDashboardCookie(req) : bearerToken(header);
    if (token === undefined) throw header === undefined ? AuthProblems.authenticationRequired() : AuthProblems.invalidToken();
    return this.tokens.verify(token);
  }
}
