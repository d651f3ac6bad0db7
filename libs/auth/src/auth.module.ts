import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#config';
import { Clock, SystemClock } from '#platform';
import { AccessGuard } from './access/access.guard.js';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountLinks } from './links/account-links.js';
import { AccountTokensRepository } from './links/account-tokens.repository.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { AccessTokens } from './tokens/access-tokens.js';
import { Sessions } from './tokens/sessions.js';
import { SessionsRepository } from './tokens/sessions.repository.js';
import { ChangePassword } from './usecases/change-password/change-password.use-case.js';
import { AcceptInvitation } from './usecases/accept-invitation/accept-invitation.use-case.js';
import { CreateAdministrator } from './usecases/create-administrator/create-administrator.use-case.js';
import { GetAccount } from './usecases/get-account/get-account.use-case.js';
import { InviteStaff } from './usecases/invite-staff/invite-staff.use-case.js';
import { LogIn } from './usecases/log-in/log-in.use-case.js';
import { LogOut } from './usecases/log-out/log-out.use-case.js';
import { RefreshSession } from './usecases/refresh-session/refresh-session.use-case.js';
import { RegisterApplicant } from './usecases/register-applicant/register-applicant.use-case.js';
import { RequestPasswordReset } from './usecases/request-password-reset/request-password-reset.use-case.js';
import { ListStaffAccounts } from './usecases/staff-accounts/list-staff-accounts.use-case.js';
import { SetStaffRoles } from './usecases/staff-accounts/set-staff-roles.use-case.js';
import { ResetPassword } from './usecases/reset-password/reset-password.use-case.js';

const REPOSITORIES = [AccountsRepository, SessionsRepository, AccountTokensRepository];

const USE_CASES = [
  RegisterApplicant,
  LogIn,
  RefreshSession,
  LogOut,
  GetAccount,
  RequestPasswordReset,
  ResetPassword,
  ChangePassword,
  InviteStaff,
  AcceptInvitation,
  CreateAdministrator,
  ListStaffAccounts,
  SetStaffRoles,
];

/** Accounts, sessions and access checks; the importing app provides the process modules. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a public key on every
      // verify (a thrown and caught parse, ~0.8 ms of CPU per request); a secret key skips that.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [{ provide: Clock, useClass: SystemClock }, PasswordHasher, AccessTokens, Sessions, AccountLinks, AccessGuard, ...REPOSITORIES, ...USE_CASES],
  exports: [AccessTokens, AccessGuard, ...USE_CASES],
})
export class AuthModule {}
