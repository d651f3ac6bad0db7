import type { Provider } from '@nestjs/common';
import { ApplicationsRepository } from './applications/applications.repository.js';
import { ExamRepository } from './exam/exam.repository.js';
import { OperationsMetricsRepository } from './operations/operations-metrics.repository.js';
import { ReferencesRepository } from './references/references.repository.js';

/**
 * Every repository of the endorsement lib: the one place each aggregate's tables are read and written.
 * EndorsementModule provides and exports them all, so every module that imports it can use any of them.
 */
export const REPOSITORIES: Provider[] = [
  OperationsMetricsRepository,
  ApplicationsRepository,
  ReferencesRepository,
  ExamRepository,
];
