import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedAccount } from '../accounts/authenticated-account.js';

/** Where the access guard leaves the caller on the request. */
export const ACCOUNT_ON_REQUEST = Symbol('account');

export type RequestWithAccount = Request & { [ACCOUNT_ON_REQUEST]?: AuthenticatedAccount };

/**
 * The caller of a route guarded by `@Roles(...)`. On a `@Public()` route there is none: using it
 * there is a programming error, caught on the first request rather than passed on as undefined.
 */
export const CurrentAccount = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedAccount => {
  const account = ctx.switchToHttp().getRequest<RequestWithAccount>()[ACCOUNT_ON_REQUEST];
  if (!account) throw new Error('@CurrentAccount() used on a route without @Roles()');
  return account;
});
