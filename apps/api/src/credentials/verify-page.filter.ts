import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable, ProblemException } from '#platform';
import { sendPage } from '../pages/page-layout.js';
import { renderVerifyProblemPage } from './verify.page.js';

/**
 * The check page is for people: every refusal is a page. An unknown number and a malformed one get
 * the same 404, so the page tells nothing about which numbers exist beyond the one asked for.
 */
@Catch()
export class VerifyPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('VerifyPage');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof ProblemException && exception.code === 'too_many_requests') return sendPage(res, 429, renderVerifyProblemPage('busy'));
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn('database unavailable');
      return sendPage(res, 503, renderVerifyProblemPage('unavailable'));
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) return sendPage(res, 404, renderVerifyProblemPage('not_found'));
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendPage(res, 500, renderVerifyProblemPage('unavailable'));
  }
}
