import { Account } from './account.entity.js';
import { AccountToken } from './account-token.entity.js';
import { Application } from './application.entity.js';
import { ApplicationActivity } from './application-activity.entity.js';
import { ApplicationEvent } from './application-event.entity.js';
import { ApplicationReference } from './application-reference.entity.js';
import { CeEntry } from './ce-entry.entity.js';
import { CredentialStatusEntry } from './credential-status-entry.entity.js';
import { EmailDelivery } from './email-delivery.entity.js';
import { EmailSuppression } from './email-suppression.entity.js';
import { EndorsementSequence } from './endorsement-sequence.entity.js';
import { ExamAttempt } from './exam-attempt.entity.js';
import { ExamPart2Score } from './exam-part2-score.entity.js';
import { ExamWindow } from './exam-window.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxRelay } from './outbox-relay.entity.js';
import { PanelAssignment } from './panel-assignment.entity.js';
import { PanelVote } from './panel-vote.entity.js';
import { Person } from './person.entity.js';
import { ReferenceVettingCall } from './reference-vetting-call.entity.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Reminder } from './reminder.entity.js';
import { SweepRun } from './sweep-run.entity.js';

export {
  Account,
  AccountToken,
  Application,
  ApplicationActivity,
  ApplicationEvent,
  ApplicationReference,
  CeEntry,
  CredentialStatusEntry,
  EmailDelivery,
  EmailSuppression,
  EndorsementSequence,
  ExamAttempt,
  ExamPart2Score,
  ExamWindow,
  OutboxMessage,
  OutboxRelay,
  PanelAssignment,
  PanelVote,
  Person,
  ReferenceVettingCall,
  RefreshToken,
  Reminder,
  SweepRun,
};

/**
 * Every table the migrations create, one entity each, imported as classes so builds and bundles find them.
 * They describe the migrated schema exactly (test/foundation/schema-drift.test.ts holds them to it), so
 * `npm run migration:generate` writes only what an entity change asks for.
 */
export const ENTITIES: (abstract new (...args: never[]) => object)[] = [
  Person,
  Application,
  ApplicationEvent,
  OutboxMessage,
  ApplicationReference,
  ExamAttempt,
  PanelVote,
  EndorsementSequence,
  EmailDelivery,
  Reminder,
  Account,
  RefreshToken,
  AccountToken,
  CeEntry,
  ReferenceVettingCall,
  ExamWindow,
  ExamPart2Score,
  PanelAssignment,
  OutboxRelay,
  ApplicationActivity,
  CredentialStatusEntry,
  EmailSuppression,
  SweepRun,
];
