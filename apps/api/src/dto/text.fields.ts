import { z } from 'zod';

// Text ends up in PostgreSQL (which refuses NUL), on pages and in emails: control characters are
// refused at the edge rather than failing later.

/** Text a person reads (notes, reasons, requests): trimmed, bounded, line breaks and tabs allowed. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[\n\r\t\P{Cc}]*$/u, { error: 'must not contain control characters' });

/** One line (a title, a search): trimmed, bounded, no control characters at all. */
export const singleLineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^\P{Cc}*$/u, { error: 'must not contain control characters' });
