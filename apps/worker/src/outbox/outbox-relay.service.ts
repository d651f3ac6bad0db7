import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { EmailDeliveriesRepository } from '#mail';
import { JobQueues } from '#queue';
import { OutboxRepository, type OutboxBatch } from './outbox.repository.js';
import { runsOf } from './outbox-runs.js';
import { advanceCursor, type RelayCursor } from './relay-cursor.js';

const BATCH = 500;
const MAINTENANCE_EVERY_MS = 5_000;

/**
 * Hands committed work from PostgreSQL to Redis. The relay holding the publisher lock (on its own
 * connection, so the lock ends with its session) reads the rows after its cursor, enqueues them as
 * runs of consecutive rows (each naming the requests its rows came from) in one `addBulk` with
 * deterministic job ids, then moves the cursor: one row written per batch rather than a mark on
 * every row. Other relays stand by and take over when that session ends; a crash before the cursor
 * moves publishes the same batch again, which the job ids deduplicate. Woken by NOTIFY, with polling
 * as the fallback.
 *
 * Because Redis may lose what it was given, rows still unprocessed after a while, and emails that
 * should have moved by now, are handed over again by any relay (FOR UPDATE SKIP LOCKED).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  /** A NOTIFY came since the current pass began: its rows may have missed that pass's read. */
  private notified = false;
  private wake: () => void = () => undefined;
  private loop?: Promise<void>;
  private client?: pg.Client;
  /** Set while this relay holds the publisher lock. */
  private cursor?: RelayCursor;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly jobs: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('OutboxRelay') private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    if (this.client) await this.drop(this.client);
  }

  /**
   * Publishes every row committed so far, if this relay is the publisher; returns how many. While
   * one batch goes to Redis the next is read from PostgreSQL, in the statement that records how far
   * Redis got: the cursor never passes a batch Redis does not have.
   */
  async publishPending(): Promise<number> {
    const client = await this.connection();
    let cursor = this.cursor ?? (await this.takePublisherLock(client));
    if (!cursor) return 0;
    let published = 0;
    let unsaved: RelayCursor | undefined; // in Redis, not yet recorded in PostgreSQL
    let batch = await this.read(client, cursor);
    while (batch.ids.length || batch.cursor.gaps.size !== cursor.gaps.size) {
      const [, next] = await Promise.all([
        this.jobs.addBulk('applyEffects', runsOf(batch.ids, batch.requestIds)),
        batch.full && !this.stopped ? this.read(client, batch.cursor, unsaved) : undefined,
      ]);
      unsaved = this.cursor = cursor = batch.cursor; // the statement reading `next` recorded the one before
      published += batch.ids.length;
      if (!next) break;
      batch = next;
    }
    if (unsaved) await this.onSession(client, this.outbox.saveCursor(client, unsaved));
    return published;
  }

  /** The gaps that have appeared and up to BATCH rows after `cursor`, and the cursor past them; first records `save` if given. */
  private async read(client: pg.Client, cursor: RelayCursor, save?: RelayCursor): Promise<OutboxBatch & { full: boolean; cursor: RelayCursor }> {
    const { ids, requestIds } = await this.onSession(client, this.outbox.readBatch(client, cursor, BATCH, save));
    const read = ids.map(BigInt);
    return {
      ids,
      requestIds,
      full: read.filter((id) => id > cursor.through).length === BATCH,
      cursor: advanceCursor(cursor, read, Date.now(), this.config.pipeline.republishAfterMs),
    };
  }

  /** Rows not processed a while after they were written (or last handed over), and emails that should have moved: again. */
  async republishStale(): Promise<void> {
    const afterMs = this.config.pipeline.republishAfterMs;
    await this.dataSource.transaction(async (manager) => {
      const rows = await this.outbox.findStaleForUpdate(afterMs, BATCH, manager);
      if (!rows.length) return;
      const ids = rows.map((r) => String(r.id));
      await this.jobs.addBulk('applyEffects', runsOf(ids, new Map(rows.filter((r) => r.request_id).map((r) => [String(r.id), r.request_id!]))));
      await this.outbox.markRepublished(ids, manager);
    });
    await this.dataSource.transaction(async (manager) => {
      const rows = await this.ledger.findOverdueForUpdate(afterMs, BATCH, manager);
      if (!rows.length) return;
      const ids = rows.map((r) => r.id);
      await this.jobs.addBulk(
        'sendEmail',
        rows.map((r) => (r.request_id ? { deliveryId: r.id, requestId: r.request_id } : { deliveryId: r.id })),
      );
      await this.ledger.markHandedOver(ids, manager);
    });
  }

  /** Processed rows are kept longer than BullMQ keeps completed jobs, then deleted. */
  async prune(): Promise<void> {
    await this.outbox.pruneProcessed(this.config.pipeline.outboxRetentionDays);
  }

  private async run(): Promise<void> {
    let lastMaintenance = 0;
    while (!this.stopped) {
      this.notified = false;
      try {
        await this.publishPending();
        if (Date.now() - lastMaintenance >= MAINTENANCE_EVERY_MS) {
          lastMaintenance = Date.now();
          await this.republishStale();
          await this.prune();
        }
      } catch (error) {
        // PostgreSQL or Redis away: the rows wait in PostgreSQL; try again at the next poll.
        this.logger.warn({ err: (error as Error).message }, 'outbox relay pass failed');
      }
      if (this.notified) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.pipeline.outboxPollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async takePublisherLock(client: pg.Client): Promise<RelayCursor | undefined> {
    if (!(await this.onSession(client, this.outbox.tryPublisherLock(client)))) return undefined;
    const row = await this.onSession(client, this.outbox.findCursor(client));
    const now = Date.now();
    this.cursor = { through: BigInt(row.published_through), gaps: new Map(row.gap_ids.map((id) => [BigInt(id), now])) };
    return this.cursor;
  }

  /** The relay's own session: LISTEN for wake-ups, and the publisher lock while it lasts. */
  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.config.database.url,
      application_name: `outbox-relay ${process.pid}`, // which worker holds the lock, for operators
      connectionTimeoutMillis: this.config.database.connectTimeoutMs,
    });
    client.on('error', () => void this.drop(client));
    client.on('notification', () => {
      this.notified = true;
      this.wake();
    });
    try {
      await client.connect();
      await this.outbox.openSession(client);
    } catch (error) {
      void this.drop(client);
      throw error;
    }
    this.client = client;
    return client;
  }

  /** A failed statement may mean a lost session, and with it the lock: start over with a new one. */
  private async onSession<T>(client: pg.Client, statement: Promise<T>): Promise<T> {
    try {
      return await statement;
    } catch (error) {
      void this.drop(client);
      throw error;
    }
  }

  private drop(client: pg.Client): Promise<void> {
    if (this.client === client) {
      this.client = undefined;
      this.cursor = undefined;
    }
    client.removeAllListeners();
    client.on('error', () => undefined);
    return client.end().catch(() => undefined);
  }
}
