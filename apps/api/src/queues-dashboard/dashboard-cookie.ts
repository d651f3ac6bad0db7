import type { CookieOptions, Request, Response } from 'express';
import { readCookie } from '#platform';
import { QUEUES_DASHBOARD_PATH } from './queues-dashboard.paths.js';

const COOKIE = 'queue_dashboard_token';

// Sent only to the dashboard, never readable by scripts, never sent by a request another site starts
// (which also makes the dashboard's own PUT/DELETE safe from cross-site forgery); https only when the
// request came over https, as `trust proxy` tells it behind a TLS-terminating proxy.
const attributes = (req: Request): CookieOptions => ({ httpOnly: true, sameSite: 'strict', path: QUEUES_DASHBOARD_PATH, secure: req.secure });

/** Carries the access token for as long as the token is valid. */
export function setDashboardCookie(req: Request, res: Response, accessToken: string, lifetimeSeconds: number): void {
  res.cookie(COOKIE, accessToken, { ...attributes(req), maxAge: lifetimeSeconds * 1000 });
}

export function clearDashboardCookie(req: Request, res: Response): void {
  res.clearCookie(COOKIE, attributes(req));
}

/** The access token the dashboard cookie carries, if the request sent one. */
export function readDashboardCookie(req: Request): string | undefined {
  return readCookie(req, COOKIE);
}
