import type { Request } from 'express';

/**
 * Whether a browser request came from a page of this site. Browsers set these headers themselves,
 * so another site cannot forge them: `Sec-Fetch-Site: same-origin`, or else an Origin (failing that,
 * a Referer) that is this api's public origin or the origin the request was addressed to. Our own
 * pages send no Referer and so a form's Origin is "null"; modern browsers still say Sec-Fetch-Site.
 * A request with none of them is refused.
 */
export function isSameOrigin(req: Request, publicBaseUrl: string): boolean {
  if (req.headers['sec-fetch-site'] === 'same-origin') return true;
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
