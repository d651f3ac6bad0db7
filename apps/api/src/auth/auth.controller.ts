import { Body, Controller, Get, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ANY_ROLE,
  AuthThrottleGuard,
  CurrentAccount,
  GetAccount,
  LogIn,
  LogOut,
  Public,
  RefreshSession,
  RegisterApplicant,
  Roles,
  type AuthenticatedAccount,
} from '#auth';
import { logInSchema, type LogInBody } from './dto/log-in.schema.js';
import { refreshSchema, type RefreshBody } from './dto/refresh.schema.js';
import { registerSchema, type RegisterBody } from './dto/register.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { accountIdResponse } from '../dto/response-fields.js';
import { accountResponse, tokenPairResponse } from './dto/auth.responses.js';

/**
 * Registration, sign-in and sessions. Each route builds its command from a validated body and calls
 * one use case. Answers carrying tokens or account data are never cached (no-store).
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
  ) {}

  @Post('register')
  @ApiContract({
    id: 'registerApplicant',
    summary: 'Register as an applicant',
    description: 'Creates an applicant account in an association; sign in afterwards with POST /auth/login.',
    status: 201,
    returns: accountIdResponse,
    problems: { 409: ['email_taken'], 429: ['too_many_requests'] },
  })
  @Public()
  @UseGuards(AuthThrottleGuard)
  register(@Body({ schema: registerSchema }) body: RegisterBody): Promise<z.output<typeof accountIdResponse>> {
    return this.registerApplicant.execute(body);
  }

  @Post('login')
  @ApiContract({
    id: 'logIn',
    summary: 'Sign in',
    description: 'Exchanges an email and password for an access token and a refresh token. Five wrong passwords in a row lock the account for 15 minutes, with the same answer.',
    returns: tokenPairResponse,
    problems: { 401: ['invalid_credentials'], 429: ['too_many_requests'] },
  })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @UseGuards(AuthThrottleGuard)
  login(@Body({ schema: logInSchema }) body: LogInBody): Promise<z.output<typeof tokenPairResponse>> {
    return this.logIn.execute(body);
  }

  @Post('refresh')
  @ApiContract({
    id: 'refreshSession',
    summary: 'Renew a session',
    description: 'Exchanges a refresh token for a new pair; the old refresh token stops working, and using it again ends the whole session.',
    returns: tokenPairResponse,
    problems: { 401: ['invalid_refresh_token'], 429: ['too_many_requests'] },
  })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @UseGuards(AuthThrottleGuard)
  refresh(@Body({ schema: refreshSchema }) body: RefreshBody): Promise<z.output<typeof tokenPairResponse>> {
    return this.refreshSession.execute(body);
  }

  @Post('logout')
  @ApiContract({ id: 'logOut', summary: 'Sign out', description: "Ends the caller's session: its refresh token stops working.", status: 204 })
  @HttpCode(204)
  @Roles(...ANY_ROLE)
  async logout(@CurrentAccount() caller: AuthenticatedAccount): Promise<void> {
    await this.logOut.execute(caller);
  }

  @Get('me')
  @ApiContract({ id: 'getCurrentAccount', summary: 'Get my account', description: 'The signed-in account: name, email, roles and association.', returns: accountResponse })
  @Roles(...ANY_ROLE)
  @Header('Cache-Control', 'no-store')
  me(@CurrentAccount() caller: AuthenticatedAccount): Promise<z.output<typeof accountResponse>> {
    return this.getAccount.execute(caller);
  }
}
