import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import type { Framework } from '#framework';
import { EmailLedger } from '#mail';
import { Clock, FRAMEWORK } from '#platform';
import type { Effect } from '#workflow';
import type { EffectContext, EffectHandler } from './effect-context.js';
import { EFFECT_HANDLERS } from './effect-handlers.js';
import { DeliverEmails } from '../notifications/deliver-emails.use-case.js';

/**
 * Applies one outbox row's side effect: in one transaction, the effect's rows (references,
 * reminders, email ledger entries) and the row's processed mark; then the emails go out.
 * A second run finds the row processed and does nothing.
 */
@Injectable()
export class ApplyEffect {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: EmailLedger,
    private readonly deliver: DeliverEmails,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(outboxId: string): Promise<void> {
    const now = this.clock.now();
    const deliveryIds = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT o.id, o.event_id, o.payload, o.processed_at, a.id AS application_id, a.association_code, a.rules, a.portfolio,
                p.full_name AS applicant_name, p.email AS applicant_email
           FROM outbox o JOIN applications a ON a.id = o.application_id JOIN people p ON p.id = a.applicant_id
          WHERE o.id = $1 FOR UPDATE OF o`,
        [outboxId],
      )) as (EffectContext['application'] & { id: string; application_id: string; event_id: string | null; payload: Effect; processed_at: Date | null })[];
      if (!row || row.processed_at) return [];
      const context: EffectContext = {
        manager,
        effect: row.payload,
        outboxId,
        eventId: row.event_id,
        application: { ...row, id: row.application_id },
        association: this.framework.association(row.association_code),
        framework: this.framework,
        now,
        linkSecret: this.config.linkSecret,
      };
      const handler = EFFECT_HANDLERS[row.payload.type] as EffectHandler;
      const deliveries = await handler(context);
      const ids = await this.ledger.record(manager, deliveries, now);
      await manager.query(`UPDATE outbox SET processed_at = $2 WHERE id = $1`, [outboxId, now]);
      return ids;
    });
    // A crash here leaves the deliveries queued in the ledger; the relay hands them to Redis again.
    await this.deliver.now(deliveryIds);
  }
}
