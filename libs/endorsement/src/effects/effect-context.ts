import type { EntityManager } from 'typeorm';
import type { Association, Framework, Portfolio, RulesSnapshot } from '#framework';
import type { NewDelivery } from '#mail';
import type { Effect } from '#workflow';
import type { EmailModelsRepository } from '../notifications/email-models.repository.js';
import type { ReferencesRepository } from '../references/references.repository.js';
import type { RemindersRepository } from '../reminders/reminders.repository.js';
import type { EndorsementsRepository } from '../renewal/endorsements.repository.js';

/** What an effect handler gets: the outbox row's effect and the application it concerns. */
export interface EffectContext<E extends Effect = Effect> {
  readonly manager: EntityManager;
  readonly effect: E;
  readonly outboxId: string;
  readonly eventId: string | null;
  /** The renewal cycle's due day the event names (renewal steps record it), else null. */
  readonly cycleDueOn: string | null;
  readonly application: {
    id: string;
    association_code: string;
    applicant_id: string;
    rules: RulesSnapshot;
    portfolio: Portfolio;
    applicant_name: string;
    applicant_email: string;
  };
  readonly association: Association;
  readonly framework: Framework;
  readonly now: Date;
  readonly linkSecret: string;
  /** The repositories effects write and read through, in `manager`'s transaction. */
  readonly references: ReferencesRepository;
  readonly reminders: RemindersRepository;
  readonly endorsements: EndorsementsRepository;
  readonly emailModels: EmailModelsRepository;
}

/** An effect handler writes rows in the effect's transaction and returns the emails to send. */
export type EffectHandler<E extends Effect = Effect> = (ctx: EffectContext<E>) => Promise<NewDelivery[]>;
