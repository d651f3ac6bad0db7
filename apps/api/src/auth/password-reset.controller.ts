import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Public, RequestPasswordReset, ResetPassword, ThrottledAs } from '#auth';
import { passwordResetRequestSchema, passwordResetSchema, type PasswordResetBody, type PasswordResetRequestBody } from './dto/password-reset.schema.js';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '../docs/api-contract.decorator.js';

/** Forgotten passwords: a link by email, then a new password through it. */
@ApiTags('auth')
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
  @ApiContract({
    id: 'requestPasswordReset',
    summary: 'Ask for a password reset link',
    description: 'Emails a single-use link (valid one hour) to the address if it has an account. Always 202, so the answer does not tell who has an account.',
    status: 202,
    problems: { 429: ['too_many_requests'] },
  })
  @HttpCode(202)
  async request(@Body({ schema: passwordResetRequestSchema }) body: PasswordResetRequestBody): Promise<void> {
    await this.requestReset.execute(body);
  }

  @Post('password-resets')
  @ApiContract({
    id: 'resetPassword',
    summary: 'Set a new password through a reset link',
    description: 'Sets a new password with the token from the emailed link; the link then stops working and every session of the account ends.',
    status: 204,
    problems: { 400: ['invalid_link'], 429: ['too_many_requests'] },
  })
  @HttpCode(204)
  async reset(@Body({ schema: passwordResetSchema }) body: PasswordResetBody): Promise<void> {
    await this.resetPassword.execute(body);
  }
}
