import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxNotifier } from '#db';
import { transitionProblem } from '../staff/transition-problem.js';
import type { TransitionResult } from '../transition/transition.command.js';

/**
 * Runs one scoring step on a paper in a transaction of its own; when the step decides the attempt
 * (a pass or fail transition), the relay is woken after the commit. Says whether it decided.
 */
export async function recordOnPaper(
  dataSource: DataSource,
  outbox: OutboxNotifier,
  step: (manager: EntityManager) => Promise<TransitionResult | null>,
): Promise<boolean> {
  const decision = await dataSource
    .transaction(step)
    // The application may have moved (withdrawn, on hold) since the paper was read.
    .catch((error: unknown) => {
      throw transitionProblem(error);
    });
  if (decision) outbox.poke();
  return decision !== null;
}
