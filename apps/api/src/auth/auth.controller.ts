import { Body, Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ANY_ROLE,
  ChangePassword,
  CurrentAccount,
  GetAccount,
  LogIn,
  LogOut,
  Public,
  RefreshSession,
  RegisterApplicant,
  Roles,
  type AuthenticatedAccount,
  ThrottledAs,
} from '#auth';
import { logInSchema, type LogInBody } from './dto/log-in.schema.js';
import { passwordChangeSchema, type PasswordChangeBody } from './dto/password-reset.schema.js';
import { refreshSchema, type RefreshBody } from './dto/refresh.schema.js';
import { registerSchema, type RegisterBody } from './dto/register.schema.js';
import { BrowserSessions } from './browser-sessions.js';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { accountResponse, registrationReceivedResponse, tokenPairResponse } from './dto/auth.responses.js';

// How the document names the browser-session header on sign-in, refresh and sign-out.
const COOKIE_SESSION = {
  name: 'X-Session',
  required: false,
  enum: ['cookie'],
  description: 'From a page of this site only: keep the refresh token in an HttpOnly cookie (not in the body); required with that cookie.',
};

const REGISTRATION_RECEIVED =
  'Thank you. If this email address is new to us, your account is ready: sign in with it and your password. If it already has an account, we have sent an email to it saying what to do.';

/**
 * Registration, sign-in and sessions. Each route builds its command from a validated body and calls
 * one use case. Answers carrying tokens or account data are never cached (no-store). Tools get both
 * tokens in the body; a browser asks for its refresh token in a cookie instead (BrowserSessions).
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registerApplicant: RegisterApplicant,
    private readonly logIn: LogIn,
    private readonly refreshSession: RefreshSession,
    private readonly logOut: LogOut,
    private readonly getAccount: GetAccount,
    private readonly changePassword: ChangePassword,
    private readonly browserSessions: BrowserSessions,
  ) {}

  /**
   * Always 202 with the same body, new address or known: the answer must not tell who has an account
   * (the owner of a known address is emailed instead). A new account can sign in at once.
   */
  @Post('register')
  @ApiContract({
    id: 'registerApplicant',
    summary: 'Register as an applicant',
    description:
      'Creates an applicant account in an association, which can sign in at once. Always 202 with the same body, new address or known: the owner of a known address is emailed instead.',
    status: 202,
    returns: registrationReceivedResponse,
    problems: { 429: ['too_many_requests'] },
  })
  @HttpCode(202)
  @Public()
  @ThrottledAs('auth')
  async register(@Body({ schema: registerSchema }) body: RegisterBody): Promise<z.output<typeof registrationReceivedResponse>> {
    await this.registerApplicant.execute(body);
    return { message: REGISTRATION_RECEIVED };
  }

  @Post('login')
  @ApiContract({
    id: 'logIn',
    summary: 'Sign in',
    description:
      'Exchanges an email and password for an access token and a refresh token (in an HttpOnly cookie instead, with `X-Session: cookie`). Five wrong passwords in a row lock the account for 15 minutes, with the same answer.',
    returns: tokenPairResponse,
    problems: { 401: ['invalid_credentials'], 429: ['too_many_requests'] },
  })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @ThrottledAs('auth')
  @ApiHeader(COOKIE_SESSION)
  async login(
    @Body({ schema: logInSchema }) body: LogInBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof tokenPairResponse>> {
    const inCookie = this.browserSessions.wantsCookie(req);
    const pair = await this.logIn.execute(body);
    return inCookie ? this.browserSessions.keepInCookie(req, res, pair) : pair;
  }

  @Post('refresh')
  @ApiContract({
    id: 'refreshSession',
    summary: 'Renew a session',
    description:
      'Exchanges a refresh token (from the body, or the cookie with `X-Session: cookie`) for a new pair; the old one stops working, and using it again ends the whole session.',
    returns: tokenPairResponse,
    problems: { 401: ['invalid_refresh_token'], 429: ['too_many_requests'] },
  })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @ThrottledAs('auth')
  @ApiHeader(COOKIE_SESSION)
  async refresh(
    @Body({ schema: refreshSchema }) body: RefreshBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.output<typeof tokenPairResponse>> {
    const { refreshToken, fromCookie } = this.browserSessions.refreshSource(req, body.refreshToken);
    const pair = await this.refreshSession.execute({ refreshToken });
    return fromCookie ? this.browserSessions.keepInCookie(req, res, pair) : pair;
  }

  @Post('password-changes')
  @ApiContract({
    id: 'changePassword',
    summary: 'Change my password',
    description:
      'With the current password; the new one follows the same rules as at registration and reset. Every other session of the account ends (this one stays), and the account is emailed that its password was changed.',
    status: 204,
    problems: { 422: ['wrong_password'] },
  })
  @HttpCode(204)
  @Roles(...ANY_ROLE)
  // Each call is a guess at the current password: counted per address like sign-in, not only as a write.
  @ThrottledAs('auth')
  async changeOwnPassword(@CurrentAccount() caller: AuthenticatedAccount, @Body({ schema: passwordChangeSchema }) body: PasswordChangeBody): Promise<void> {
    await this.changePassword.execute({ caller, currentPassword: body.currentPassword, newPassword: body.newPassword });
  }

  @Post('logout')
  @ApiContract({
    id: 'logOut',
    summary: 'Sign out',
    description: "Ends the caller's session: its refresh token stops working (and its cookie is cleared).",
    status: 204,
  })
  @HttpCode(204)
  @Roles(...ANY_ROLE)
  @ApiHeader(COOKIE_SESSION)
  async logout(@CurrentAccount() caller: AuthenticatedAccount, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const inCookie = this.browserSessions.wantsCookie(req);
    await this.logOut.execute(caller);
    if (inCookie) this.browserSessions.clearCookie(req, res);
  }

  @Get('me')
  @ApiContract({
    id: 'getCurrentAccount',
    summary: 'Get my account',
    description: 'The signed-in account: name, email, roles and association.',
    returns: accountResponse,
  })
  @Roles(...ANY_ROLE)
  @Header('Cache-Control', 'no-store')
  me(@CurrentAccount() caller: AuthenticatedAccount): Promise<z.output<typeof accountResponse>> {
    return this.getAccount.execute(caller);
  }
}
