import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessTokens, isQueueOperator, LogIn, LogOut, Public, ThrottledAs } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import { isSameOrigin } from '#platform';
import { logInSchema, type LogInBody } from '../auth/dto/log-in.schema.js';
import { sendPage } from '../pages/page-layout.js';
import { DashboardProblems } from './dashboard.problems.js';
import { clearDashboardCookie, readDashboardCookie, setDashboardCookie } from './dashboard-cookie.js';
import { DashboardSignInFilter } from './dashboard-sign-in.filter.js';
import { renderSignInPage } from './dashboard-sign-in.page.js';
import { renderSignOutPage } from './dashboard-sign-out.page.js';
import { DASHBOARD_SIGN_IN_PATH, QUEUES_DASHBOARD_PATH } from './queues-dashboard.paths.js';

/**
 * Signing in to the queue dashboard from a browser, without JavaScript: a form that POSTs email and
 * password, and an HttpOnly cookie carrying the access token. Queue operators (Alliance-wide
 * administrators) only.
 */
// HTML sign-in pages for the dashboard in a browser, not part of the JSON API.
@ApiExcludeController()
@Controller(QUEUES_DASHBOARD_PATH.slice(1))
@Public()
export class DashboardSignInController {
  constructor(
    private readonly logIn: LogIn,
    private readonly logOut: LogOut,
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  showSignIn(@Res() res: Response): void {
    sendPage(res, 200, renderSignInPage());
  }

  /** The same throttle and lockout as POST /api/v1/auth/login; anyone but a queue operator is refused like a wrong password. */
  @Post('login')
  @HttpCode(303)
  @ThrottledAs('auth')
  @UseFilters(DashboardSignInFilter)
  async signIn(@Body({ schema: logInSchema }) body: LogInBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const session = await this.logIn.execute({ ...body, admits: isQueueOperator });
    setDashboardCookie(req, res, session.accessToken, session.expiresIn);
    res.redirect(303, QUEUES_DASHBOARD_PATH);
  }

  @Get('logout')
  showSignOut(@Res() res: Response): void {
    sendPage(res, 200, renderSignOutPage());
  }

  /**
   * Clears the cookie and ends the sign-in's session; a cookie that no longer verifies has nothing left
   * to end. Only from the dashboard's own page, so another site cannot sign an operator out.
   */
  @Post('logout')
  @HttpCode(303)
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = readDashboardCookie(req);
    if (token !== undefined && !isSameOrigin(req, this.config.http.publicBaseUrl)) throw DashboardProblems.crossOrigin();
    const caller = token === undefined ? undefined : await this.tokens.verify(token).catch(() => undefined);
    if (caller) await this.logOut.execute(caller);
    clearDashboardCookie(req, res);
    res.redirect(303, DASHBOARD_SIGN_IN_PATH);
  }
}
