import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from '#metrics';

/**
 * Times every request into `endorsement_http_request_duration_seconds`, labelled by the route's
 * template (`/api/v1/applications/:id`, never the address asked for, which holds ids and tokens) and
 * by status. Addresses no route of ours matches get the template of Nest's catch-all (`{/*splat}`,
 * `/api/v1*path`), or `unmatched` if answered before routing: odd addresses cannot grow the label set.
 */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    const route = (req.route as { path?: unknown } | undefined)?.path;
    const template = typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched';
    httpRequestDuration.observe({ method: req.method, route: template, status: res.statusCode }, Number(process.hrtime.bigint() - started) / 1e9);
  });
  next();
}
