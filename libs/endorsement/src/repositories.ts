import type { Provider } from '@nestjs/common';
import { OperationsMetricsRepository } from './operations/operations-metrics.repository.js';
import { ReferencesRepository } from './references/references.repository.js';
import { RemindersRepository } from './reminders/reminders.repository.js';
import { EndorsementsRepository } from './renewal/endorsements.repository.js';
import { TransitionsRepository } from './transition/transitions.repository.js';

/**
 * Every repository of the endorsement lib: the one place each aggregate's tables are read and written.
 * EndorsementModule provides and exports them all, so every module that imports it can use any of them.
 */
export const REPOSITORIES: Provider[] = [
  OperationsMetricsRepository,
  TransitionsRepository,
  RemindersRepository,
  ReferencesRepository,
  EndorsementsRepository,
];
