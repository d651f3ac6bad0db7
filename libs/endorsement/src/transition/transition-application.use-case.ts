import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decideTransition, type ApplicationState } from '#workflow';
import { Clock } from '#platform';
import { OutboxNotifier } from '#db';
import { currentRequestId } from '#request-id';
import { loadApplicationRow, type ApplicationRow } from './application-row.js';
import { guardFactsFrom } from './guard-facts-from.js';
import type { TransitionCommand, TransitionResult } from './transition.command.js';
import { ApplicationNotFoundError, TransitionConflictError, TransitionRefusedError } from './transition.errors.js';

/**
 * The one path that changes an application's state. In one transaction: a version-guarded update,
 * one append-only audit event, and one outbox row per side effect. Nothing else writes `state`.
 * The outbox rows carry the id of the request (or job) that fired the event, for operators.
 */
@Injectable()
export class TransitionApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(command: TransitionCommand): Promise<TransitionResult> {
    const result = await this.dataSource.transaction((manager) => this.executeIn(manager, command));
    if (result.outboxIds.length) this.outbox.poke();
    return result;
  }

  /**
   * For use cases that change other rows in the same transaction as the transition; they call
   * OutboxNotifier.poke() after their commit.
   */
  async executeIn(manager: EntityManager, command: TransitionCommand): Promise<TransitionResult> {
    const now = this.clock.now();
    const app = await loadApplicationRow(manager, command.applicationId, now);
    if (!app || (command.associationScope !== undefined && app.association_code !== command.associationScope)) throw new ApplicationNotFoundError(command.applicationId);
    if (command.expectedVersion !== undefined && command.expectedVersion !== app.version) {
      throw new TransitionConflictError(app.id, app.state, app.version, command.expectedVersion);
    }

    const decision = decideTransition({
      state: app.state,
      event: command.event,
      role: command.actor.role,
      facts: guardFactsFrom(app, now, command.reason),
    });
    if (!decision.ok) {
      const { ok: _ok, code, message, ...details } = decision;
      throw new TransitionRefusedError(code, message, details);
    }

    const heldFrom: ApplicationState | null = decision.to === 'on_hold' ? decision.from : null;
    // All writes in one statement: fewer round trips while the row is locked. When the version
    // guard matches no row, the event and outbox inserts have nothing to select from either.
    const [row] = await manager.query<{ version: number; event_id: string; outbox_ids: string[] }[]>(
      `WITH u AS (
         UPDATE applications SET state = $3, version = version + 1, held_from = $4, state_changed_at = $5, updated_at = $5
          WHERE id = $1 AND version = $2 RETURNING id, version),
       e AS (
         INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_id, actor_role, reason, payload, occurred_at)
         SELECT u.id, u.version, $6, $7, $3, $8, $9, $10, $11, $5 FROM u RETURNING id, application_id),
       o AS (
         INSERT INTO outbox (application_id, event_id, effect_type, payload, created_at, request_id)
         SELECT e.application_id, e.id, x->>'type', x, $5, $13 FROM e, jsonb_array_elements($12::jsonb) AS x RETURNING id)
       SELECT u.version, e.id AS event_id, ARRAY(SELECT id FROM o ORDER BY id) AS outbox_ids FROM u, e`,
      [
        app.id, app.version, decision.to, heldFrom, now, decision.event, decision.from,
        command.actor.id, command.actor.role, command.reason ?? null, command.payload ?? {}, JSON.stringify(decision.effects),
        currentRequestId() ?? null,
      ],
    );
    if (!row) {
      const [current] = await manager.query<ApplicationRow[]>(`SELECT state, version FROM applications WHERE id = $1`, [app.id]);
      throw new TransitionConflictError(app.id, current.state, current.version, app.version);
    }
    return { applicationId: app.id, from: decision.from, to: decision.to, version: row.version, eventId: row.event_id, outboxIds: row.outbox_ids };
  }
}
