const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/** The JWT an `Authorization: Bearer <token>` header carries; undefined when the header is not that shape. */
export function bearerToken(header: string): string | undefined {
  return BEARER.exec(header)?.[1];
}
