import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Relays LISTEN on this channel; polling covers any notification that never came. */
export const OUTBOX_CHANNEL = 'outbox';
const COALESCE_MS = 5;

/**
 * Wakes outbox relays after commits. A NOTIFY inside the transaction would take PostgreSQL's global
 * notify lock at every commit; instead each process sends at most one NOTIFY per few milliseconds,
 * after its commits. A crash before it goes out only delays delivery to the relay's next poll.
 */
@Injectable()
export class OutboxNotifier {
  private readonly logger = new Logger('OutboxNotifier');
  private pending = false;

  constructor(private readonly dataSource: DataSource) {}

  poke(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      if (!this.dataSource.isInitialized) return; // shutting down: the next relay poll covers it
      this.dataSource.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]).catch((e: Error) => this.logger.warn(`outbox notify failed: ${e.message}`));
    }, COALESCE_MS).unref();
  }
}
