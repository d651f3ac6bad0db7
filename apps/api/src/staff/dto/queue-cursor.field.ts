import { z } from 'zod';
import { decodeKeysetCursor } from '#endorsement';

const MICROSECOND_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real instant written the way the queue writes cursors (PostgreSQL would refuse "2026-02-30"). */
function isInstant(text: string): boolean {
  const ms = Date.parse(text);
  return MICROSECOND_ISO.test(text) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 23) === text.slice(0, 23);
}

/** `cursor` of the staff queue: the (waiting since, id) key of the last row shown, as we issued it. */
export const queueCursorField = z
  .string()
  .max(200)
  .transform((cursor, ctx) => {
    const key = decodeKeysetCursor(cursor, 2);
    if (!key || !isInstant(key[0]) || !UUID.test(key[1])) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor this listing issued' });
      return z.NEVER;
    }
    return { waitingSince: key[0], id: key[1] };
  });
