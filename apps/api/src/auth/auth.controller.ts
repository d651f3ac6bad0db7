import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import {
  ANY_ROLE,
  CurrentAccount,
  GetAccount,
  LogIn,
  LogOut,
  Public,
  RefreshSession,
  RegisterApplicant,
  Roles,
  type AccountView,
  type AuthenticatedAccount,
  ThrottledAs,
  type TokenPair,
} from '#auth';
import { logInSchema, type LogInBody } from './dto/log-in.schema.js';
import { refreshSchema, type RefreshBody } from './dto/refresh.schema.js';
import { registerSchema, type RegisterBody } from './dto/register.schema.js';

const REGISTRATION_RECEIVED =
  'Thank you. If this email address is new to us, your account is ready: sign in with it and your password. If it already has an account, we have sent an email to it saying what to do.';

/**
 * Registration, sign-in and sessions. Each route builds its command from a validated body and calls
 * one use case. Answers carrying tokens or account data are never cached (no-store).
 */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registerApplicant: RegisterApplicant,
    private readonly logIn: LogIn,
    private readonly refreshSession: RefreshSession,
    private readonly logOut: LogOut,
    private readonly getAccount: GetAccount,
  ) {}

  /**
   * Always 202 with the same body, new address or known: the answer must not tell who has an account
   * (the owner of a known address is emailed instead). A new account can sign in at once.
   */
  @Post('register')
  @HttpCode(202)
  @Public()
  @ThrottledAs('auth')
  async register(@Body({ schema: registerSchema }) body: RegisterBody): Promise<{ message: string }> {
    await this.registerApplicant.execute(body);
    return { message: REGISTRATION_RECEIVED };
  }

  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @ThrottledAs('auth')
  login(@Body({ schema: logInSchema }) body: LogInBody): Promise<TokenPair> {
    return this.logIn.execute(body);
  }

  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Public()
  @ThrottledAs('auth')
  refresh(@Body({ schema: refreshSchema }) body: RefreshBody): Promise<TokenPair> {
    return this.refreshSession.execute(body);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ANY_ROLE)
  async logout(@CurrentAccount() caller: AuthenticatedAccount): Promise<void> {
    await this.logOut.execute(caller);
  }

  @Get('me')
  @Roles(...ANY_ROLE)
  @Header('Cache-Control', 'no-store')
  me(@CurrentAccount() caller: AuthenticatedAccount): Promise<AccountView> {
    return this.getAccount.execute(caller);
  }
}
