import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from './problem.exception.js';
import { isDatabaseUnavailable } from './is-database-unavailable.js';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Every error leaves as `application/problem+json` with a stable `code`; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = this.toProblem(exception);
    // A problem that says when to try again (429) says it to HTTP clients too.
    if (typeof body.retryAfter === 'number') res.setHeader('Retry-After', String(body.retryAfter));
    res
      .status(body.status)
      .type('application/problem+json')
      .json({ ...body, instance: req.originalUrl?.split('?')[0] });
  }

  private toProblem(exception: unknown): { type: string; status: number; code: string; title: string } & Record<string, unknown> {
    if (exception instanceof ProblemException) {
      return { type: 'about:blank', status: exception.httpStatus, code: exception.code, title: exception.title, detail: exception.detail, ...exception.extra };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'object' && response && 'message' in response ? response.message : exception.message;
      return {
        type: 'about:blank',
        status,
        code: CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'),
        title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error',
        detail: Array.isArray(message) ? message.join('; ') : String(message),
      };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn('database unavailable');
      return {
        type: 'about:blank',
        status: 503,
        code: 'service_unavailable',
        title: 'Service temporarily unavailable',
        detail: 'Please try again in a moment.',
      };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      type: 'about:blank',
      status: 500,
      code: 'internal_error',
      title: 'Internal error',
      detail: 'Something went wrong on our side; it has been logged.',
    };
  }
}
