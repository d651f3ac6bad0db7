import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { RaterLinkUnavailableError } from '#endorsement';
import { isDatabaseUnavailable, ProblemException } from '#platform';
import { sendPage } from '../pages/page-layout.js';
import { renderLinkClosedPage } from './rater-link-closed.page.js';
import { renderRaterBusyPage, renderRaterErrorPage } from './rater-error.page.js';

/**
 * Raters are people with a browser, not API clients: on their routes every error is an HTML page
 * (the rest of the api keeps problem+json). Logs say what failed, never whose link it was.
 */
@Catch()
export class RaterPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('RaterForm');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof RaterLinkUnavailableError) {
      const page = renderLinkClosedPage(exception.problem);
      return sendPage(res, page.status, page.html);
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn('database unavailable');
      return sendPage(res, 503, renderRaterErrorPage('unavailable'));
    }
    // The api's refusal of text it cannot store (NUL, unpaired surrogates), in a comment or the link.
    if (exception instanceof ProblemException && exception.code === 'validation_failed') {
      return sendPage(res, 400, renderRaterErrorPage('unreadable'));
    }
    if (exception instanceof ProblemException && exception.code === 'too_many_requests') {
      // The throttle has set Retry-After already.
      return sendPage(res, 429, renderRaterBusyPage(Number(exception.extra.retryAfter)));
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      // Nothing else on these routes throws one today; if something does, it is the caller's mistake, not ours.
      return sendPage(res, exception.getStatus(), renderLinkClosedPage('unknown').html);
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendPage(res, 500, renderRaterErrorPage('ours'));
  }
}
