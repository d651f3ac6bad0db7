import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter, ProblemException } from '#platform';
import { sendPage } from '../pages/page-layout.js';
import { renderSignInPage, SIGN_IN_REFUSALS } from './dashboard-sign-in.page.js';
import { prefersHtml } from './prefers-html.js';

/**
 * A refused sign-in from the form shows the form again, with the address as sent; programs keep the
 * api's problem+json. Every refusal but throttling reads the same (malformed, unknown, wrong, locked,
 * not a queue operator).
 */
@Catch()
export class DashboardSignInFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    if (!(exception instanceof HttpException) || exception.getStatus() >= 500 || !prefersHtml(req)) return this.problems.catch(exception, host);
    const throttled = exception instanceof ProblemException && exception.code === 'too_many_requests';
    const refusal = throttled ? SIGN_IN_REFUSALS.tooManyAttempts(Number(exception.extra.retryAfter)) : SIGN_IN_REFUSALS.credentials;
    const email: unknown = (req.body as Record<string, unknown> | undefined)?.email;
    sendPage(
      host.switchToHttp().getResponse<Response>(),
      exception.getStatus(),
      renderSignInPage(typeof email === 'string' && email.length <= 254 ? email : '', refusal),
    );
  }
}
