import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { MAX_ERRORS, validationProblem } from './validation-problem.js';

/** NUL, or a surrogate without its other half (with the `u` flag a whole pair is one code point, not Cs). */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSTORABLE = /[\u0000\p{Cs}]/u;
const MESSAGE = 'must not contain a NUL character or an unpaired surrogate';

/** A path built child to parent, so walking a deeply nested body costs no copying; spelled out only when reported. */
type Path = { key: string; parent: Path } | undefined;

function segments(path: Path): string[] {
  const out: string[] = [];
  for (let at = path; at; at = at.parent) out.unshift(at.key);
  return out;
}

/**
 * Refuses, on every route, a request whose path parameters, query or body hold text PostgreSQL
 * cannot store: it refuses NUL in text and jsonb, and an unpaired surrogate in jsonb (a text column
 * would quietly keep U+FFFD instead). A URL or form decodes %00 to NUL, and JSON.parse turns "\u0000"
 * and "\ud800" escapes into exactly these; raw invalid UTF-8 arrives as U+FFFD, which is harmless.
 * A guard rather than middleware: it sees the route's parameters, and a controller's own filter
 * (the rater's HTML pages) answers for it. Headers need nothing: Node refuses NUL in them.
 */
export class UnstorableTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const issues = [req.params, req.query, req.body].flatMap(findUnstorableText).slice(0, MAX_ERRORS);
    if (issues.length) throw validationProblem(issues);
    return true;
  }
}

/** Where parsed input (strings in objects and arrays, keys included) holds unstorable text. */
export function findUnstorableText(input: unknown): { path: string[]; message: string }[] {
  const found: { path: string[]; message: string }[] = [];
  // Breadth first without recursion: a 256 kB body can nest deeper than the call stack goes.
  const pending: { value: unknown; path: Path }[] = [{ value: input, path: undefined }];
  for (let i = 0; i < pending.length && found.length < MAX_ERRORS; i++) {
    const { value, path } = pending[i];
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) found.push({ path: segments(path), message: MESSAGE });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        const at = { key, parent: path };
        if (UNSTORABLE.test(key)) found.push({ path: segments(at), message: MESSAGE });
        else pending.push({ value: inner, path: at });
      }
    }
  }
  return found;
}
