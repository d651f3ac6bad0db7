import type { PayloadOf } from '#queue';

/**
 * Rows per `applyEffects` job: one transaction and one email batch each. Small enough that the
 * first emails leave while later runs are still being applied, and that a run's claims are sent
 * well within the stale-claim window; large enough that round trips are paid per run, not per row.
 */
const RUN = 50;

/**
 * At most this many request ids listed on a run. A busy relay's run serves up to 50 requests: listing
 * them all made each job ~2 kB larger and the relay ~40% slower (`bench:relay`). Such a run is
 * logged under its own `job:<id>`; each email still carries its own row's request id.
 */
const LISTED = 8;

/**
 * Ids (ascending) cut into `applyEffects` payloads of at most RUN rows, each naming the requests its
 * rows came from (`requestIds`: outbox id → request id, for the rows that have one): one as its
 * `requestId`, several as `requestIds`, more than LISTED not at all.
 */
export function runsOf(ids: string[], requestIds: ReadonlyMap<string, string> = new Map()): PayloadOf<'applyEffects'>[] {
  const runs = [];
  for (let i = 0; i < ids.length; i += RUN) {
    const outboxIds = ids.slice(i, i + RUN);
    runs.push(requestIds.size ? { outboxIds, ...causes(outboxIds, requestIds) } : { outboxIds });
  }
  return runs;
}

function causes(outboxIds: string[], requestIds: ReadonlyMap<string, string>): { requestId?: string; requestIds?: string[] } {
  const distinct = new Set<string>();
  for (const id of outboxIds) {
    const requestId = requestIds.get(id);
    if (requestId) distinct.add(requestId);
    if (distinct.size > LISTED) return {};
  }
  if (distinct.size > 1) return { requestIds: [...distinct] };
  return distinct.size ? { requestId: [...distinct][0] } : {};
}
