import type { Request } from 'express';

/**
 * Whether a browser request came from a page of this site: its Origin (or, failing that, its
 * Referer) is this api's public origin or the origin the request was addressed to. Browsers set
 * both headers themselves, so another site cannot forge them; a request with neither is refused.
 */
export function isSameOrigin(req: Request, publicBaseUrl: string): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (source === undefined) return false;
  let origin: string;
  try {
    origin = new URL(source).origin;
  } catch {
    return false;
  }
  return origin === new URL(publicBaseUrl).origin || origin === `${req.protocol}://${req.headers.host}`;
}
