import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decideTransition, type ApplicationState } from '#workflow';
import { Clock } from '#platform';
import type { ApplicationRow } from './application-row.js';
import { GuardFactsLoader } from './guard-facts.loader.js';
import type { TransitionCommand, TransitionResult } from './transition.command.js';
import { ApplicationNotFoundError, TransitionConflictError, TransitionRefusedError } from './transition.errors.js';

/** Wakes outbox relays (LISTEN outbox); PostgreSQL delivers it only when the transaction commits. */
export const OUTBOX_CHANNEL = 'outbox';

/**
 * The one path that changes an application's state. In one transaction: a version-guarded update,
 * one append-only audit event, and one outbox row per side effect. Nothing else writes `state`.
 */
@Injectable()
export class TransitionApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: GuardFactsLoader,
    private readonly clock: Clock,
  ) {}

  execute(command: TransitionCommand): Promise<TransitionResult> {
    return this.dataSource.transaction((manager) => this.executeIn(manager, command));
  }

  /** For use cases that change other rows in the same transaction as the transition. */
  async executeIn(manager: EntityManager, command: TransitionCommand): Promise<TransitionResult> {
    const now = this.clock.now();
    const [app] = (await manager.query(
      `SELECT id, state, version, held_from, reinstatement, rules, portfolio, amended_at, exam_approved_at, state_changed_at
         FROM applications WHERE id = $1`,
      [command.applicationId],
    )) as ApplicationRow[];
    if (!app) throw new ApplicationNotFoundError(command.applicationId);
    if (command.expectedVersion !== undefined && command.expectedVersion !== app.version) {
      throw new TransitionConflictError(app.id, app.state, app.version, command.expectedVersion);
    }

    const decision = decideTransition({
      state: app.state,
      event: command.event,
      role: command.actor.role,
      facts: await this.facts.load(manager, app, now),
    });
    if (!decision.ok) {
      const { ok: _ok, code, message, ...details } = decision;
      throw new TransitionRefusedError(code, message, details);
    }

    const heldFrom: ApplicationState | null = decision.to === 'on_hold' ? decision.from : null;
    const updated = (await manager.query(
      `UPDATE applications SET state = $3, version = version + 1, held_from = $4, state_changed_at = $5, updated_at = $5
        WHERE id = $1 AND version = $2 RETURNING version`,
      [app.id, app.version, decision.to, heldFrom, now],
    )) as [{ version: number }[], number];
    const row = updated[0][0];
    if (!row) {
      const [current] = (await manager.query(`SELECT state, version FROM applications WHERE id = $1`, [app.id])) as ApplicationRow[];
      throw new TransitionConflictError(app.id, current.state, current.version, app.version);
    }

    const [event] = (await manager.query(
      `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_id, actor_role, reason, payload, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [app.id, row.version, decision.event, decision.from, decision.to, command.actor.id, command.actor.role, command.reason ?? null, command.payload ?? {}, now],
    )) as { id: string }[];

    let outboxIds: string[] = [];
    if (decision.effects.length) {
      const rows = (await manager.query(
        `INSERT INTO outbox (application_id, event_id, effect_type, payload, created_at)
         SELECT $1, $2, e->>'type', e, $4 FROM jsonb_array_elements($3::jsonb) AS e RETURNING id`,
        [app.id, event.id, JSON.stringify(decision.effects), now],
      )) as { id: string }[];
      outboxIds = rows.map((r) => r.id);
      await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    }
    return { applicationId: app.id, from: decision.from, to: decision.to, version: row.version, eventId: event.id, outboxIds };
  }
}
