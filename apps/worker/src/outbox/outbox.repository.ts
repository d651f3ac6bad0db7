import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { OUTBOX_CHANNEL } from '#db';
import type { RelayCursor } from './relay-cursor.js';

/** Advisory lock (per database) held by the one relay that publishes; never change while relays run. */
const PUBLISHER_LOCK = 4_711_630_001;

/** The cursor as recorded in `outbox_relay`. */
export interface SavedCursor {
  published_through: string;
  gap_ids: string[];
}

/** Rows read for publishing (ascending ids), and the request ids of those that have one (outbox id → request id). */
export interface OutboxBatch {
  ids: string[];
  requestIds: Map<string, string>;
}

export interface StaleOutboxRow {
  id: string;
  request_id: string | null;
}

interface BatchRow {
  ids: string;
  request_ids: string;
}

/**
 * The outbox relay's statements: on its own session (`client`: the LISTEN, the publisher lock and the
 * cursor in `outbox_relay`), and through the pool for stale rows and pruning.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Readies the relay's session: NOTIFY wakes it. */
  async openSession(client: pg.Client): Promise<void> {
    // Losing the last cursor moves in a PostgreSQL crash only publishes those batches again.
    await client.query(`SET synchronous_commit = off`);
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
  }

  /** Takes the publisher lock for this session if no other relay holds it. */
  async tryPublisherLock(client: pg.Client): Promise<boolean> {
    const {
      rows: [{ locked }],
    } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [PUBLISHER_LOCK]);
    return locked;
  }

  /** Where the last publisher left the cursor. */
  async findCursor(client: pg.Client): Promise<SavedCursor> {
    const {
      rows: [row],
    } = await client.query<SavedCursor>(`SELECT published_through, gap_ids FROM outbox_relay`);
    return row;
  }

  /**
   * The gaps that have appeared and up to `limit` rows after `cursor`, with the request ids of those
   * that have one; first records `save` if given. Ids travel as one string each: far cheaper than a
   * result row each. A full batch (a backlog, many requests at once) leaves the request ids out:
   * reading and parsing them cost the relay about a third of its rate (`bench:relay`), and its emails
   * carry their own rows' ids anyway.
   */
  async readBatch(client: pg.Client, cursor: RelayCursor, limit: number, save?: RelayCursor): Promise<OutboxBatch> {
    const batch = `b AS (
        SELECT id FROM outbox WHERE id = ANY ($1::bigint[])
        UNION ALL (SELECT id FROM outbox WHERE id > $2 ORDER BY id LIMIT $3))
      SELECT array_to_string(ARRAY(SELECT id FROM b ORDER BY id), ',') AS ids,
             array_to_string(ARRAY(SELECT o.id || ' ' || o.request_id FROM b JOIN outbox o USING (id)
                                    WHERE o.request_id IS NOT NULL AND (SELECT count(*) FROM b) < $3), ',') AS request_ids`;
    const params = [[...cursor.gaps.keys()].map(String), String(cursor.through), limit];
    const {
      rows: [row],
    } = save
      ? await client.query<BatchRow>(`WITH saved AS (UPDATE outbox_relay SET published_through = $4, gap_ids = $5::bigint[]), ${batch}`, [
          ...params,
          ...cursorParams(save),
        ])
      : await client.query<BatchRow>(`WITH ${batch}`, params);
    return { ids: row.ids ? row.ids.split(',') : [], requestIds: requestIdsOf(row.request_ids) };
  }

  /** Records how far Redis got. */
  async saveCursor(client: pg.Client, cursor: RelayCursor): Promise<void> {
    await client.query(`UPDATE outbox_relay SET published_through = $1, gap_ids = $2::bigint[]`, cursorParams(cursor));
  }

  /** Up to `limit` rows not processed `afterMs` after they were written (or last handed over), locked (SKIP LOCKED: any relay may do this). */
  async findStaleForUpdate(afterMs: number, limit: number, manager: EntityManager): Promise<StaleOutboxRow[]> {
    return manager.query<StaleOutboxRow[]>(
      `SELECT id, request_id FROM outbox WHERE processed_at IS NULL AND coalesce(republished_at, written_at) < now() - $1::interval ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [`${afterMs} milliseconds`, limit],
    );
  }

  /** Rows handed to Redis again: they wait another while before the next hand-over. */
  async markRepublished(ids: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE outbox SET republished_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Deletes rows processed more than `retentionDays` ago. */
  async pruneProcessed(retentionDays: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM outbox WHERE processed_at < now() - make_interval(days => $1)`, [retentionDays]);
  }
}

/** `<outbox id> <request id>` pairs, comma-separated (request ids hold neither), as a map. */
function requestIdsOf(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  if (!pairs) return map;
  for (const pair of pairs.split(',')) {
    const at = pair.indexOf(' ');
    map.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return map;
}

function cursorParams(cursor: RelayCursor): [string, string[]] {
  return [String(cursor.through), [...cursor.gaps.keys()].map(String)];
}
