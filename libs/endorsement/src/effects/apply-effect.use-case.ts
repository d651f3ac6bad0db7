import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import type { Framework } from '#framework';
import { EmailDeliveriesRepository } from '#mail';
import { Clock, FRAMEWORK } from '#platform';
import { JobQueues } from '#queue';
import type { EffectContext, EffectHandler } from './effect-context.js';
import { EFFECT_HANDLERS } from './effect-handlers.js';
import { DeliverEmails } from '../notifications/deliver-emails.use-case.js';
import { EmailModelsRepository } from '../notifications/email-models.repository.js';
import { ReferencesRepository } from '../references/references.repository.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { EndorsementsRepository } from '../renewal/endorsements.repository.js';
import { TransitionsRepository, type PendingEffectRow } from '../transition/transitions.repository.js';

/**
 * Applies outbox rows' side effects: in one transaction, every row's effect (references, reminders,
 * email ledger entries) and the rows' processed marks; then their emails go out together. A second
 * run finds the rows processed and does nothing. Rows are locked in id order, so overlapping runs
 * wait for each other instead of deadlocking, and effects of one transition apply in their order.
 * Each email is recorded with its row's request id: a run may serve several requests.
 */
@Injectable()
export class ApplyEffect {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: TransitionsRepository,
    private readonly references: ReferencesRepository,
    private readonly reminders: RemindersRepository,
    private readonly endorsements: EndorsementsRepository,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly emailModels: EmailModelsRepository,
    private readonly deliver: DeliverEmails,
    private readonly jobs: JobQueues,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(outboxIds: readonly string[]): Promise<void> {
    const now = this.clock.now();
    const deliveryIds = await this.dataSource.transaction(async (manager) => {
      const rows = await this.transitions.findPendingEffectsForUpdate(outboxIds, manager);
      // A row another run processed while this one waited for its lock no longer matches (PostgreSQL re-checks it).
      if (!rows.length) return [];
      const deliveries = [];
      for (const row of rows) for (const delivery of await this.apply(manager, row, now)) deliveries.push({ ...delivery, requestId: row.request_id });
      const ids = await this.ledger.record(deliveries, now, manager);
      await this.transitions.markEffectsProcessed(
        rows.map((r) => r.id),
        now,
        manager,
      );
      return ids;
    });
    // A crash here leaves the deliveries queued in the ledger; the relay hands them to Redis again.
    await this.deliver.now(deliveryIds);
  }

  /**
   * A run of rows, as the relay hands them over. If the run fails (one row's effect throws, a
   * deadlock), nothing of it was committed: it is split into one job per row, each retried on its own.
   */
  async executeRun(outboxIds: readonly string[]): Promise<void> {
    try {
      await this.execute(outboxIds);
    } catch (error) {
      if (outboxIds.length === 1) throw error;
      await this.jobs.addBulk(
        'applyEffect',
        outboxIds.map((outboxId) => ({ outboxId })),
      );
    }
  }

  private apply(manager: EntityManager, row: PendingEffectRow, now: Date) {
    const context: EffectContext = {
      manager,
      effect: row.payload,
      outboxId: String(row.id),
      eventId: row.event_id,
      cycleDueOn: row.cycle_due_on,
      application: { ...row, id: row.application_id },
      association: this.framework.association(row.association_code),
      framework: this.framework,
      now,
      linkSecret: this.config.linkSecret,
      references: this.references,
      reminders: this.reminders,
      endorsements: this.endorsements,
      emailModels: this.emailModels,
    };
    return (EFFECT_HANDLERS[row.payload.type] as EffectHandler)(context);
  }
}
