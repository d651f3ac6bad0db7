import { Module } from '@nestjs/common';
import { AuthModule } from '#auth';
import { AuthController } from './auth.controller.js';
import { BrowserSessions } from './browser-sessions.js';
import { PasswordResetController } from './password-reset.controller.js';
import { StaffAccountsController } from './staff-accounts.controller.js';
import { StaffInvitationsController } from './staff-invitations.controller.js';

/** The HTTP side of accounts: registration, sign-in, sessions, password resets, staff invitations. */
@Module({
  imports: [AuthModule],
  controllers: [AuthController, PasswordResetController, StaffInvitationsController, StaffAccountsController],
  providers: [BrowserSessions],
})
export class AuthHttpModule {}
