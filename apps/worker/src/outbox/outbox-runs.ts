/**
 * Rows per `applyEffects` job: one transaction and one email batch each. Small enough that the
 * first emails leave while later runs are still being applied, and that a run's claims are sent
 * well within the stale-claim window; large enough that round trips are paid per run, not per row.
 */
const RUN = 50;

/** Ids (ascending) cut into `applyEffects` payloads of at most RUN rows. */
export function runsOf(ids: string[]): { outboxIds: string[] }[] {
  const runs = [];
  for (let i = 0; i < ids.length; i += RUN) runs.push({ outboxIds: ids.slice(i, i + RUN) });
  return runs;
}
