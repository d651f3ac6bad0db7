import type { Provider } from '@nestjs/common';
import { ApplicationsRepository } from './applications/applications.repository.js';
import { CeEntriesRepository } from './continuing-education/ce-entries.repository.js';
import { ExamRepository } from './exam/exam.repository.js';
import { EmailModelsRepository } from './notifications/email-models.repository.js';
import { OperationsMetricsRepository } from './operations/operations-metrics.repository.js';
import { PanelRepository } from './panel/panel.repository.js';
import { ReferencesRepository } from './references/references.repository.js';
import { RemindersRepository } from './reminders/reminders.repository.js';
import { EndorsementsRepository } from './renewal/endorsements.repository.js';
import { ActivitiesRepository } from './staff/activities.repository.js';
import { StaffQueueRepository } from './staff/staff-queue.repository.js';
import { TransitionsRepository } from './transition/transitions.repository.js';

/**
 * Every repository of the endorsement lib: the one place each aggregate's tables are read and written.
 * EndorsementModule provides and exports them all, so every module that imports it can use any of them.
 */
export const REPOSITORIES: Provider[] = [
  ActivitiesRepository,
  ApplicationsRepository,
  CeEntriesRepository,
  EmailModelsRepository,
  EndorsementsRepository,
  ExamRepository,
  OperationsMetricsRepository,
  PanelRepository,
  ReferencesRepository,
  RemindersRepository,
  StaffQueueRepository,
  TransitionsRepository,
];
