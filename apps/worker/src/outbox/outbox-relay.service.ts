import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { OUTBOX_CHANNEL } from '#db';
import { JobQueues } from '#queue';
import { runsOf } from './outbox-runs.js';

const BATCH = 500;
const MAINTENANCE_EVERY_MS = 5_000;

/**
 * Hands committed work from PostgreSQL to Redis. Unpublished outbox rows go out in batches
 * (FOR UPDATE SKIP LOCKED, so any number of relays share them), as runs of consecutive rows in one
 * `addBulk`, with deterministic job ids, woken by
 * NOTIFY and polling as a fallback. Because Redis may lose what it was given, rows and emails that
 * should have moved by now are handed over again; job ids make that harmless when nothing was lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  private wake: () => void = () => undefined;
  private loop?: Promise<void>;
  private listener?: pg.Client;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('OutboxRelay') private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes one batch of unpublished rows; returns how many. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(`SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, [BATCH])) as { id: string }[];
      if (!rows.length) return 0;
      const ids = rows.map((r) => String(r.id));
      // Enqueued before the mark commits: a crash in between publishes the rows again, deduplicated by job id.
      await this.jobs.addBulk('applyEffects', runsOf(ids));
      await manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      return ids.length;
    });
  }

  /** Rows published but not processed after a while, and emails that should have moved: again. */
  async republishStale(): Promise<void> {
    const after = `${this.config.pipeline.republishAfterMs} milliseconds`;
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id FROM outbox WHERE processed_at IS NULL AND published_at < now() - $1::interval ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [after, BATCH],
      )) as { id: string }[];
      if (!rows.length) return;
      const ids = rows.map((r) => String(r.id));
      await this.jobs.addBulk('applyEffects', runsOf(ids));
      await manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    });
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id FROM email_deliveries
          WHERE (status = 'queued' AND updated_at < now() - $1::interval) OR (status = 'sending' AND claimed_at < now() - $1::interval)
          ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [after, BATCH],
      )) as { id: string }[];
      if (!rows.length) return;
      const ids = rows.map((r) => r.id);
      await this.jobs.addBulk('sendEmail', ids.map((deliveryId) => ({ deliveryId })));
      await manager.query(`UPDATE email_deliveries SET updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
    });
  }

  /** Processed rows are kept longer than BullMQ keeps completed jobs, then deleted. */
  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM outbox WHERE processed_at < now() - make_interval(days => $1)`, [this.config.pipeline.outboxRetentionDays]);
  }

  private async run(): Promise<void> {
    let lastMaintenance = 0;
    while (!this.stopped) {
      try {
        while (!this.stopped && (await this.publishBatch()) === BATCH);
        if (Date.now() - lastMaintenance >= MAINTENANCE_EVERY_MS) {
          lastMaintenance = Date.now();
          await this.republishStale();
          await this.prune();
        }
      } catch (error) {
        // PostgreSQL or Redis away: the rows wait in PostgreSQL; try again at the next poll.
        this.logger.warn({ err: (error as Error).message }, 'outbox relay pass failed');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.pipeline.outboxPollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.database.url, application_name: 'outbox-relay-listener' });
    this.listener = client;
    const retry = () => {
      client.removeAllListeners();
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), this.config.pipeline.outboxPollMs).unref();
    };
    client.on('error', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch {
      retry(); // polling carries on meanwhile
    }
  }
}
