import { CoreSchema1763800000000 } from './1763800000000-core-schema.migration.js';
import { DeliveryPipeline1763900000000 } from './1763900000000-delivery-pipeline.migration.js';
import { Accounts1764000000000 } from './1764000000000-accounts.migration.js';
import { RenewalSweep1764100000000 } from './1764100000000-renewal-sweep.migration.js';
import { ContinuingEducation1764200000000 } from './1764200000000-continuing-education.migration.js';
import { StaffReview1764300000000 } from './1764300000000-staff-review.migration.js';
import { ExamAndPanel1764400000000 } from './1764400000000-exam-and-panel.migration.js';
import { RelayCursor1764500000000 } from './1764500000000-relay-cursor.migration.js';
import { StaffActivities1764600000000 } from './1764600000000-staff-activities.migration.js';
import { RenewalPerPerson1764710000000 } from './1764710000000-renewal-per-person.migration.js';
import { ReferenceReplacedBy1764714000000 } from './1764714000000-reference-replaced-by.migration.js';
import { CredentialStatus1764800000000 } from './1764800000000-credential-status.migration.js';
import { Deliverability1764810000000 } from './1764810000000-deliverability.migration.js';
import { RaterReplacedActivity1764830000000 } from './1764830000000-rater-replaced-activity.migration.js';
import { OperationsMetrics1764900000000 } from './1764900000000-operations-metrics.migration.js';
import { RequestIds1764910000000 } from './1764910000000-request-ids.migration.js';

/** Every migration, in order. Imported as classes, not globbed, so builds and bundles find them. */
export const MIGRATIONS = [
  CoreSchema1763800000000,
  DeliveryPipeline1763900000000,
  Accounts1764000000000,
  RenewalSweep1764100000000,
  ContinuingEducation1764200000000,
  StaffReview1764300000000,
  ExamAndPanel1764400000000,
  RelayCursor1764500000000,
  StaffActivities1764600000000,
  RenewalPerPerson1764710000000,
  ReferenceReplacedBy1764714000000,
  CredentialStatus1764800000000,
  Deliverability1764810000000,
  RaterReplacedActivity1764830000000,
  OperationsMetrics1764900000000,
  RequestIds1764910000000,
];
