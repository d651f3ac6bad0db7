import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { AuthProblems, REFRESH_TOKEN_TTL_MS, type TokenPair } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import { isSameOrigin, readCookie } from '#platform';
import { REFRESH_PATH } from './auth.paths.js';

const COOKIE = 'refresh_token';

/** A sign-in or refresh as a browser gets it: the refresh token is in the cookie, never in the body. */
export type BrowserSession = Omit<TokenPair, 'refreshToken'>;

/** Where a refresh's token comes from: the JSON body (tools) or this site's cookie (browsers). */
export type RefreshSource = { refreshToken: string; fromCookie: boolean };

// Never readable by scripts, sent only to the refresh route and never with a request another site
// starts; https only when the request came over https (as `trust proxy` tells it behind a proxy).
const attributes = (req: Request): CookieOptions => ({ httpOnly: true, sameSite: 'strict', path: REFRESH_PATH, secure: req.secure });

/**
 * Browser sessions: a page of this site asks for them with the header `X-Session: cookie` on sign-in,
 * refresh and sign-out. The refresh token then lives in an HttpOnly cookie and the access token only
 * in the page's memory. Every such call must come from this site (Origin or Sec-Fetch-Site) and carry
 * the header, which another site cannot add to a form and may not add to a cross-origin fetch.
 */
@Injectable()
export class BrowserSessions {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether the caller asked for the cookie; refused (403) when asked from another site. */
  wantsCookie(req: Request): boolean {
    if (req.headers['x-session'] !== 'cookie') return false;
    if (!isSameOrigin(req, this.config.http.publicBaseUrl)) throw AuthProblems.crossOriginRequest();
    return true;
  }

  /**
   * The refresh token a refresh trades. A tool sends it in the body; a browser sends the header and
   * the cookie. A cookie without the header is refused: it may have come with a forged request.
   */
  refreshSource(req: Request, bodyToken: string | undefined): RefreshSource {
    const cookie = readCookie(req, COOKIE);
    if (this.wantsCookie(req)) {
      if (bodyToken !== undefined) throw AuthProblems.invalidField('refreshToken', 'must not be sent with X-Session: cookie; the cookie carries it');
      if (cookie === undefined) throw AuthProblems.invalidRefreshToken();
      return { refreshToken: cookie, fromCookie: true };
    }
    if (bodyToken !== undefined) return { refreshToken: bodyToken, fromCookie: false };
    if (cookie !== undefined) throw AuthProblems.crossOriginRequest();
    throw AuthProblems.invalidField('refreshToken', 'is required (a browser sends X-Session: cookie instead)');
  }

  /** Puts the refresh token in the cookie, for as long as it lives, and answers without it. */
  keepInCookie(req: Request, res: Response, pair: TokenPair): BrowserSession {
    const { refreshToken, ...session } = pair;
    res.cookie(COOKIE, refreshToken, { ...attributes(req), maxAge: REFRESH_TOKEN_TTL_MS });
    return session;
  }

  clearCookie(req: Request, res: Response): void {
    res.clearCookie(COOKIE, attributes(req));
  }
}
