import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Public, RequestPasswordReset, ResetPassword, ThrottledAs } from '#auth';
import { passwordResetRequestSchema, passwordResetSchema, type PasswordResetBody, type PasswordResetRequestBody } from './dto/password-reset.schema.js';

/** Forgotten passwords: a link by email, then a new password through it. */
@Controller('auth')
@Public()
@ThrottledAs('auth')
export class PasswordResetController {
  constructor(
    private readonly requestReset: RequestPasswordReset,
    private readonly resetPassword: ResetPassword,
  ) {}

  /** Always 202, known address or not: the answer must not tell who has an account. */
  @Post('password-reset-requests')
  @HttpCode(202)
  async request(@Body({ schema: passwordResetRequestSchema }) body: PasswordResetRequestBody): Promise<void> {
    await this.requestReset.execute(body);
  }

  @Post('password-resets')
  @HttpCode(204)
  async reset(@Body({ schema: passwordResetSchema }) body: PasswordResetBody): Promise<void> {
    await this.resetPassword.execute(body);
  }
}
