import type { Request } from 'express';

/** A browser navigating (Accept: text/html first) rather than a program; no Accept or any other counts as a program. */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}
