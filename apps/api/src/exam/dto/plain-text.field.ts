import { z } from 'zod';

/** Text a person reads (in an email, on a page): trimmed, bounded, no control characters but line breaks and tabs. */
export const plainText = (max: number) => z.string().trim().max(max).regex(/^[\n\r\t\P{Cc}]*$/u, { error: 'must not contain control characters' });
