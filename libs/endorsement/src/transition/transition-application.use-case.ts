import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decideTransition, type ApplicationState } from '#workflow';
import { Clock } from '#platform';
import { OutboxNotifier } from '#db';
import { currentRequestId } from '#request-id';
import { guardFactsFrom } from './guard-facts-from.js';
import type { TransitionCommand, TransitionResult } from './transition.command.js';
import { TransitionsRepository } from './transitions.repository.js';
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
    private readonly transitions: TransitionsRepository,
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
    const app = await this.transitions.findApplicationRow(command.applicationId, now, manager);
    if (!app || (command.associationScope !== undefined && app.association_code !== command.associationScope))
      throw new ApplicationNotFoundError(command.applicationId);
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
    const [row] = await this.transitions.writeTransition(
      {
        applicationId: app.id,
        version: app.version,
        from: decision.from,
        to: decision.to,
        heldFrom,
        event: decision.event,
        actor: command.actor,
        reason: command.reason ?? null,
        payload: command.payload ?? {},
        effects: decision.effects,
        at: now,
        requestId: currentRequestId() ?? null,
      },
      manager,
    );
    if (!row) {
      const current = await this.transitions.findStateAndVersion(app.id, manager);
      throw new TransitionConflictError(app.id, current.state, current.version, app.version);
    }
    return { applicationId: app.id, from: decision.from, to: decision.to, version: row.version, eventId: row.event_id, outboxIds: row.outbox_ids };
  }
}
