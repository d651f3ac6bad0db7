import type { EntityManager } from 'typeorm';
import type { GuardFacts } from '#workflow';
import type { ApplicationRow } from './application-row.js';

/** Gathers, inside the transition's transaction, the facts the state machine's guards read. */
export abstract class GuardFactsLoader {
  abstract load(manager: EntityManager, application: ApplicationRow, now: Date): Promise<GuardFacts>;
}
