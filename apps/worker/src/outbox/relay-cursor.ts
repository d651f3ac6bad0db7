/** Beyond this many open gaps, further skipped ids are left to the stale-row path. */
const MAX_GAPS = 10_000;

/**
 * Where the publishing relay stands: every row up to `through` was handed to Redis, except the ids
 * in `gaps` (id → when first missed, in ms), which were not visible when the cursor passed them:
 * identity values are taken before commit, so a transaction may commit after a later one, or roll
 * back and never commit.
 */
export interface RelayCursor {
  through: bigint;
  gaps: ReadonlyMap<bigint, number>;
}

/**
 * The cursor after publishing `ids` (ascending): the gaps among them that appeared, then the rows
 * read after `through`. Ids skipped on the way become gaps; gaps older than `keepGapsMs` are
 * dropped (rolled back, or so late that the stale-row path hands them over).
 */
export function advanceCursor(cursor: RelayCursor, ids: readonly bigint[], now: number, keepGapsMs: number): RelayCursor {
  const gaps = new Map(cursor.gaps);
  let through = cursor.through;
  for (const id of ids) {
    if (id <= cursor.through) {
      gaps.delete(id);
      continue;
    }
    for (let missed = through + 1n; missed < id && gaps.size < MAX_GAPS; missed++) gaps.set(missed, now);
    through = id;
  }
  for (const [id, since] of gaps) if (now - since > keepGapsMs) gaps.delete(id);
  return { through, gaps };
}
